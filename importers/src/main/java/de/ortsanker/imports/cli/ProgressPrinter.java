package de.ortsanker.imports.cli;

import de.ortsanker.imports.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a running import's progress to the terminal: records read, rate and time left, rewritten in
 * place on a terminal, a line every ten seconds otherwise (logs of scripts and CI).
 */
final class ProgressPrinter implements ProgressListener {

    private final PrintStream err;
    private final String file;
    private final boolean terminal = System.console() != null;
    private double lastLine = -10;
    private boolean dirty;

    ProgressPrinter(PrintStream err, String file) {
        this.err = err;
        this.file = file;
    }

    @Override
    public synchronized void progress(Progress p) {
        String line = prefix() + line(p);
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            err.flush();
            dirty = true;
        } else if (p.seconds() - lastLine >= 10 || !p.phase().equals("reading") && p.seconds() - lastLine >= 1) {
            err.println(line);
            lastLine = p.seconds();
        }
    }

    static String line(Progress p) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %,d records, %,.0f/s", p.phase(), p.features(), p.rate()));
        if (p.bytesTotal() > 0 && p.phase().equals("reading")) {
            sb.append(String.format(Locale.ROOT, ", %.0f %%", Math.min(100.0, 100.0 * p.bytesRead() / p.bytesTotal())));
        }
        double left = p.secondsLeft();
        if (left >= 0) {
            sb.append(", ").append(duration(left)).append(" left");
        }
        sb.append(", ").append(duration(p.seconds())).append(" so far");
        return sb.toString();
    }

    private String prefix() {
        return file + " ";
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Clears the progress line before the summary is printed. */
    synchronized void clear() {
        if (dirty) {
            err.print("\r\u001b[K");
            err.flush();
            dirty = false;
        }
    }
}
