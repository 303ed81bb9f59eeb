// Layers and kinds by name, as the layer catalogue knows them (/map/config.json: every layer with its kinds):
// the embed page and its snippet generator read ?layers= alike.
import { oldLayerId } from './url-state.js';

/**
 * The layers and kinds asked for by ?layers=, each as the catalogue knows it ({code, label_de, label_en}),
 * and the names it does not know. asked: whether ?layers= chose anything (else every layer is shown).
 */
export function chooseLayers(cfg, value) {
  const known = new Map();
  for (const layer of cfg.layers.filter((l) => l.places)) {
    known.set(layer.code, layer);
    for (const kind of layer.kinds || []) if (!known.has(kind.code)) known.set(kind.code, kind);
  }
  const codes = (value || '').split(',').map((c) => c.trim()).filter(Boolean);
  const chosen = [];
  const unknown = [];
  for (const code of codes) {
    const found = known.get(code) || known.get(oldLayerId(code));
    if (found && !chosen.includes(found)) chosen.push(found);
    else if (!found) unknown.push(code);
  }
  return { chosen, unknown, asked: codes.length > 0 };
}

