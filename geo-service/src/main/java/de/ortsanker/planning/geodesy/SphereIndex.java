package de.ortsanker.planning.geodesy;

/**
 * A static k-d tree over points on the unit sphere (3-D unit vectors), for nearest-neighbour and radius
 * searches. Chord length orders points exactly as great-circle distance does, so the tree needs no
 * projection and has no edge anywhere on earth. Built once per analysis from arrays; searches allocate
 * nothing.
 */
public final class SphereIndex {

    private final double[][] xyz;   // [axis][slot]
    private final int[] item;       // the caller's index of the point in each slot
    private final byte[] axis;      // the split axis of the node at each slot

    /** Indexes points given as longitude/latitude in degrees; searches answer the caller's indices. */
    public SphereIndex(double[] lon, double[] lat) {
        int n = lon.length;
        xyz = new double[3][n];
        item = new int[n];
        axis = new byte[n];
        for (int i = 0; i < n; i++) {
            double[] v = unit(lon[i], lat[i]);
            xyz[0][i] = v[0];
            xyz[1][i] = v[1];
            xyz[2][i] = v[2];
            item[i] = i;
        }
        build(0, n);
    }

    public int size() {
        return item.length;
    }

    static double[] unit(double lon, double lat) {
        double phi = Math.toRadians(lat), lambda = Math.toRadians(lon);
        return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
    }

    /** The nearest point's index, or -1 when the index is empty; {@code chordOut[0]} gets its chord. */
    public int nearest(double lon, double lat, double[] chordOut) {
        double[] q = unit(lon, lat);
        double[] best = {Double.MAX_VALUE, -1};
        nearest(q, 0, item.length, best);
        if (chordOut != null) {
            chordOut[0] = Math.sqrt(best[0]);
        }
        return (int) best[1];
    }

    /** A point found by a radius search: the caller's index and its chord to the query. */
    @FunctionalInterface
    public interface Hit {
        void found(int index, double chord);
    }

    /** Calls back every point whose chord to the query is at most {@code chord}. */
    public void within(double lon, double lat, double chord, Hit hit) {
        within(unit(lon, lat), 0, item.length, chord * chord, hit);
    }

    private void build(int lo, int hi) {
        if (hi - lo <= 1) {
            return;
        }
        int ax = widestAxis(lo, hi);
        int mid = (lo + hi) >>> 1;
        select(ax, lo, hi - 1, mid);
        axis[mid] = (byte) ax;
        build(lo, mid);
        build(mid + 1, hi);
    }

    private int widestAxis(int lo, int hi) {
        int best = 0;
        double bestSpread = -1;
        for (int a = 0; a < 3; a++) {
            double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
            for (int i = lo; i < hi; i++) {
                min = Math.min(min, xyz[a][i]);
                max = Math.max(max, xyz[a][i]);
            }
            if (max - min > bestSpread) {
                bestSpread = max - min;
                best = a;
            }
        }
        return best;
    }

    /** Quickselect: puts the k-th smallest along the axis at k, smaller ones before, larger after. */
    private void select(int ax, int lo, int hi, int k) {
        double[] c = xyz[ax];
        while (hi > lo) {
            double pivot = c[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j) {
                while (c[i] < pivot) {
                    i++;
                }
                while (c[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(i++, j--);
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private void swap(int i, int j) {
        for (double[] c : xyz) {
            double t = c[i];
            c[i] = c[j];
            c[j] = t;
        }
        int t = item[i];
        item[i] = item[j];
        item[j] = t;
    }

    private double dist2(double[] q, int slot) {
        double dx = q[0] - xyz[0][slot], dy = q[1] - xyz[1][slot], dz = q[2] - xyz[2][slot];
        return dx * dx + dy * dy + dz * dz;
    }

    private void nearest(double[] q, int lo, int hi, double[] best) {
        if (lo >= hi) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        double d2 = dist2(q, mid);
        if (d2 < best[0] || d2 == best[0] && item[mid] < best[1]) {
            best[0] = d2;
            best[1] = item[mid];
        }
        if (hi - lo == 1) {
            return;
        }
        int ax = axis[mid];
        double diff = q[ax] - xyz[ax][mid];
        if (diff < 0) {
            nearest(q, lo, mid, best);
            if (diff * diff <= best[0]) {
                nearest(q, mid + 1, hi, best);
            }
        } else {
            nearest(q, mid + 1, hi, best);
            if (diff * diff <= best[0]) {
                nearest(q, lo, mid, best);
            }
        }
    }

    private void within(double[] q, int lo, int hi, double r2, Hit found) {
        if (lo >= hi) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        double d2 = dist2(q, mid);
        if (d2 <= r2) {
            found.found(item[mid], Math.sqrt(d2));
        }
        if (hi - lo == 1) {
            return;
        }
        int ax = axis[mid];
        double diff = q[ax] - xyz[ax][mid];
        if (diff <= 0 || diff * diff <= r2) {
            within(q, lo, mid, r2, found);
        }
        if (diff >= 0 || diff * diff <= r2) {
            within(q, mid + 1, hi, r2, found);
        }
    }
}
