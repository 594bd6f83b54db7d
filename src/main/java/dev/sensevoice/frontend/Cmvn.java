package dev.sensevoice.frontend;

/**
 * Cepstral mean and variance normalisation applied after LFR (contract §2.5):
 * {@code y[d] = (x[d] + negMean[d]) * invStddev[d]}, add first, then multiply.
 */
public record Cmvn(float[] negMean, float[] invStddev) {
    public Cmvn {
        if (negMean.length != invStddev.length || negMean.length == 0) {
            throw new IllegalArgumentException("cmvn: " + negMean.length + " means, "
                    + invStddev.length + " scales");
        }
    }

    public int dim() {
        return negMean.length;
    }
}
