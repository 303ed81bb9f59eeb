// Building the page from data, safely: everything from the data or the user goes in as text
// (textContent, attributes), never as markup. The few links the data carries are allowed only when
// they are http(s), mailto or tel addresses.

/** Creates an element: el('li', {class: 'x', onclick: f}, 'text', child, …). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      node.className = value;
    } else if (key === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, ...children);
  return node;
}

/** Appends children: strings become text nodes, null and false are skipped, arrays are flattened. */
export function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces a node's content. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, ...children);
}

/** A link to an address from the data, or its text alone when the address is not a safe kind. */
export function safeLink(href, text, attrs = {}) {
  const url = safeUrl(href);
  return url ? el('a', { href: url, rel: 'noopener noreferrer', ...attrs }, text ?? href) : el('span', {}, text ?? href);
}

export function safeUrl(href) {
  if (!href) return null;
  try {
    const url = new URL(href, document.baseURI);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Waits until the caller has been quiet for ms milliseconds (typing, panning). */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
