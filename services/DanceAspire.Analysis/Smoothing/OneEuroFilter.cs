namespace DanceAspire.Analysis.Smoothing;

/// <summary>
/// The One Euro filter (Casiez, Roussel, Vogel 2012): a low-pass filter whose cutoff rises with the signal's speed,
/// so slow drift and jitter are smoothed hard while fast moves pass with little lag. Time-based, so the same
/// parameters behave the same at any frame rate.
/// </summary>
public sealed class OneEuroFilter(double minCutoffHz, double beta, double derivativeCutoffHz)
{
    private bool _started;
    private double _value, _derivative, _time;

    public bool Started => _started;

    public double LastTime => _time;

    public double Filter(double value, double timeSeconds)
    {
        if (!_started)
        {
            (_value, _derivative, _time, _started) = (value, 0, timeSeconds, true);
            return value;
        }

        var dt = timeSeconds - _time;
        if (dt <= 0) return _value; // a repeated timestamp carries no new information

        var rawDerivative = (value - _value) / dt;
        _derivative += SmoothingFactor(derivativeCutoffHz, dt) * (rawDerivative - _derivative);
        var cutoff = minCutoffHz + beta * Math.Abs(_derivative);
        _value += SmoothingFactor(cutoff, dt) * (value - _value);
        _time = timeSeconds;
        return _value;
    }

    public void Reset() => _started = false;

    private static double SmoothingFactor(double cutoffHz, double dt)
    {
        var tau = 1.0 / (2 * Math.PI * cutoffHz);
        return 1.0 / (1.0 + tau / dt);
    }
}
