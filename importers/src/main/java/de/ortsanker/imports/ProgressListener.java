package de.ortsanker.imports;

/** Told about a running import about once a second (the command line prints it). */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> { };

    void progress(Progress progress);

    /**
     * @param phase      reading, merging or done
     * @param features   records read so far
     * @param bytesRead  bytes of the file read so far (over all passes)
     * @param bytesTotal bytes to read in all (0 when unknown)
     * @param seconds    since the run started
     */
    record Progress(String phase, long features, long bytesRead, long bytesTotal, double seconds) {

        /** Records per second so far. */
        public double rate() {
            return seconds <= 0 ? 0 : features / seconds;
        }

        /** Estimated seconds left for reading, from the bytes read so far; negative when unknown. */
        public double secondsLeft() {
            if (!"reading".equals(phase) || bytesTotal <= 0 || bytesRead <= 0) {
                return -1;
            }
            return seconds * (bytesTotal - bytesRead) / bytesRead;
        }
    }
}
