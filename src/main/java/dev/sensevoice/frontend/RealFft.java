package dev.sensevoice.frontend;

/**
 * Power spectrum of a 512-point real frame: a 256-point complex radix-2 FFT of the even/odd
 * samples packed as re/im, then one split step. The tables are immutable and shared; callers pass
 * their own scratch from {@link #newScratch()}, so one instance serves many threads.
 */
final class RealFft {
    static final int SIZE = 512;
    private static final int HALF = SIZE / 2;

    private final int[] bitReverse = new int[HALF];
    /** exp(-2πi·k/256) for k < 128: the complex FFT's twiddles. */
    private final double[] cos = new double[HALF / 2];
    private final double[] sin = new double[HALF / 2];
    /** exp(-2πi·k/512) for k < 256: the split step's twiddles. */
    private final double[] splitCos = new double[HALF];
    private final double[] splitSin = new double[HALF];

    RealFft() {
        int bits = Integer.numberOfTrailingZeros(HALF);
        for (int i = 0; i < HALF; i++) {
            bitReverse[i] = Integer.reverse(i) >>> (32 - bits);
        }
        for (int k = 0; k < HALF / 2; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / HALF);
            sin[k] = -Math.sin(2 * Math.PI * k / HALF);
        }
        for (int k = 0; k < HALF; k++) {
            splitCos[k] = Math.cos(2 * Math.PI * k / SIZE);
            splitSin[k] = -Math.sin(2 * Math.PI * k / SIZE);
        }
    }

    /** Scratch for one thread: the packed complex signal. */
    static double[][] newScratch() {
        return new double[][] {new double[HALF], new double[HALF]};
    }

    /** {@code power[k] = |X[k]|²} for k = 0..255 (the Nyquist bin is not needed by the mel banks). */
    void powerSpectrum(double[] frame, double[][] scratch, float[] power) {
        double[] re = scratch[0];
        double[] im = scratch[1];
        for (int i = 0; i < HALF; i++) {
            int n = bitReverse[i];
            re[i] = frame[2 * n];
            im[i] = frame[2 * n + 1];
        }
        butterflies(re, im);
        split(re, im, power);
    }

    private void butterflies(double[] re, double[] im) {
        for (int len = 2; len <= HALF; len <<= 1) {
            int half = len >> 1;
            int step = HALF / len;
            for (int i = 0; i < HALF; i += len) {
                for (int j = 0; j < half; j++) {
                    double wr = cos[j * step];
                    double wi = sin[j * step];
                    int k = i + j;
                    int l = k + half;
                    double tr = re[l] * wr - im[l] * wi;
                    double ti = re[l] * wi + im[l] * wr;
                    re[l] = re[k] - tr;
                    im[l] = im[k] - ti;
                    re[k] += tr;
                    im[k] += ti;
                }
            }
        }
    }

    /** X[k] = E[k] + W^k·O[k], with E and O the spectra of the even and odd samples. */
    private void split(double[] re, double[] im, float[] power) {
        for (int k = 0; k < HALF; k++) {
            int m = (HALF - k) & (HALF - 1);
            double a = re[k];
            double b = im[k];
            double c = re[m];
            double d = im[m];
            double er = (a + c) * 0.5;
            double ei = (b - d) * 0.5;
            double or = (b + d) * 0.5;
            double oi = (c - a) * 0.5;
            double xr = er + splitCos[k] * or - splitSin[k] * oi;
            double xi = ei + splitCos[k] * oi + splitSin[k] * or;
            power[k] = (float) (xr * xr + xi * xi);
        }
    }
}
