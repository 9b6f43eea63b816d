namespace DanceAspire.Music.Beats;

/// <summary>
/// Frame-wise onset strength (spectral flux of log-compressed mel-band magnitudes) and RMS energy of mono audio.
/// Audio above ~32 kHz is averaged down first: beats live well below 11 kHz and the FFTs get cheaper.
/// </summary>
public sealed class OnsetStrength
{
    /// <summary>Analysis frame length at the 22050 Hz working rate; the hop is a quarter of it.</summary>
    public const int FrameLengthAt22050 = 2048;

    /// <summary>Log compression applied to magnitudes relative to the piece's loudness: large enough to hear quiet
    /// onsets, small enough that a soft off-beat still counts for less than the beat.</summary>
    private const double LogCompression = 1.0;

    public const int BandCount = 64;
    private const double MinBandHz = 30;
    private const double MaxBandHz = 8000;

    public required float[] Envelope { get; init; }
    public required float[] Energy { get; init; }

    /// <summary>The log-mel spectrum, <see cref="BandCount"/> values per frame (frame-major): what the sections compare.</summary>
    public required float[] Bands { get; init; }

    /// <summary>Seconds between frames; frame i is centred on i * FrameSeconds.</summary>
    public required double FrameSeconds { get; init; }

    public double FrameRate => 1.0 / FrameSeconds;

    /// <summary>Seconds to add to an envelope peak's frame time to reach the onset: the flux rises while the window's
    /// leading half takes in the hit, about half a hop before the window's centre reaches it (measured on synthetic hits).</summary>
    public double OnsetLatencySeconds => 0.5 * FrameSeconds;

    public static OnsetStrength Compute(float[] samples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate));
        var factor = Math.Max(1, (int)Math.Round(sampleRate / 22050.0));
        var audio = factor == 1 ? samples : Decimate(samples, factor);
        var rate = (double)sampleRate / factor;

        var frameLength = Math.Max(256, 1 << (int)Math.Round(Math.Log2(FrameLengthAt22050 * rate / 22050.0)));
        var hop = frameLength / 4;
        var frames = audio.Length / hop + 1;
        var bins = frameLength / 2 + 1;

        double totalSquares = 0;
        foreach (var v in audio) totalSquares += (double)v * v;
        var rms = audio.Length == 0 ? 0 : Math.Sqrt(totalSquares / audio.Length);
        // Magnitudes are measured against a stationary sound at the piece's RMS, so the result does not depend on gain.
        var magnitudeScale = rms > 0 ? LogCompression / (rms * Math.Sqrt(frameLength)) : 0;

        var window = new double[frameLength];
        for (var i = 0; i < frameLength; i++) window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / frameLength);

        var bands = MelBands(frameLength, rate);
        var bandCount = bands.Length;
        var fft = new Fft(frameLength);
        var powerFirst = new double[bins];
        var powerSecond = new double[bins];
        var re = new double[frameLength];
        var im = new double[frameLength];
        var previous = new double[bandCount];
        var first = new double[bandCount];
        var second = new double[bandCount];
        var envelope = new float[frames];
        var energy = new float[frames];
        var spectrum = new float[frames * bandCount];

        double WindowedFrame(int t, double[] into)
        {
            var start = t * hop - frameLength / 2;
            double sumSquares = 0;
            for (var i = 0; i < frameLength; i++)
            {
                var s = start + i;
                var x = t < frames && s >= 0 && s < audio.Length ? audio[s] : 0.0;
                sumSquares += x * x;
                into[i] = x * window[i];
            }
            return Math.Sqrt(sumSquares / frameLength);
        }

        void AddFlux(int t, double[] current)
        {
            if (t >= frames) return;
            for (var b = 0; b < bandCount; b++) spectrum[t * bandCount + b] = (float)current[b];
            double flux = 0;
            if (t > 0)
            {
                for (var b = 0; b < bandCount; b++) flux += Math.Max(0, current[b] - previous[b]);
            }
            envelope[t] = (float)(flux / bandCount);
            Array.Copy(current, previous, bandCount);
        }

        // Two real frames share one complex FFT (one in the real part, one in the imaginary), halving the FFT work.
        for (var t = 0; t < frames; t += 2)
        {
            energy[t] = (float)WindowedFrame(t, re);
            var secondEnergy = WindowedFrame(t + 1, im);
            if (t + 1 < frames) energy[t + 1] = (float)secondEnergy;
            fft.Forward(re, im);
            for (var k = 0; k < bins; k++)
            {
                var mirror = (frameLength - k) & (frameLength - 1);
                double reK = re[k], imK = im[k], reM = re[mirror], imM = im[mirror];
                powerFirst[k] = 0.25 * ((reK + reM) * (reK + reM) + (imK - imM) * (imK - imM));
                powerSecond[k] = 0.25 * ((imK + imM) * (imK + imM) + (reK - reM) * (reK - reM));
            }
            for (var b = 0; b < bandCount; b++)
            {
                double sumFirst = 0, sumSecond = 0;
                foreach (var (bin, weight) in bands[b])
                {
                    sumFirst += weight * powerFirst[bin];
                    sumSecond += weight * powerSecond[bin];
                }
                first[b] = Math.Log(1 + magnitudeScale * Math.Sqrt(sumFirst));
                second[b] = Math.Log(1 + magnitudeScale * Math.Sqrt(sumSecond));
            }
            AddFlux(t, first);
            AddFlux(t + 1, second);
        }

        return new OnsetStrength { Envelope = envelope, Energy = energy, Bands = spectrum, FrameSeconds = hop / rate };
    }

    /// <summary>
    /// Triangular mel bands, each normalised to a weighted mean of its bins' power. Mel spacing gives the bass and
    /// mid range (kick, snare, bass line) the weight they carry for the beat; linear bins would let cymbals dominate.
    /// </summary>
    private static (int Bin, double Weight)[][] MelBands(int frameLength, double rate)
    {
        static double ToMel(double hz) => 2595 * Math.Log10(1 + hz / 700);
        static double ToHz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);
        var binHz = rate / frameLength;
        var bins = frameLength / 2 + 1;
        var lowMel = ToMel(MinBandHz);
        var highMel = ToMel(Math.Min(MaxBandHz, rate / 2));
        var bands = new (int, double)[BandCount][];
        for (var b = 0; b < BandCount; b++)
        {
            var left = ToHz(lowMel + (highMel - lowMel) * b / (BandCount + 1));
            var centre = ToHz(lowMel + (highMel - lowMel) * (b + 1) / (BandCount + 1));
            var right = ToHz(lowMel + (highMel - lowMel) * (b + 2) / (BandCount + 1));
            var weights = new List<(int, double)>();
            for (var k = (int)Math.Floor(left / binHz); k <= Math.Min(bins - 1, (int)Math.Ceiling(right / binHz)); k++)
            {
                var hz = k * binHz;
                var w = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
                if (w > 0) weights.Add((k, w));
            }
            // Low bands can be narrower than one bin; they then read the bin nearest their centre.
            if (weights.Count == 0) weights.Add((Math.Min(bins - 1, (int)Math.Round(centre / binHz)), 1.0));
            var total = weights.Sum(p => p.Item2);
            bands[b] = weights.Select(p => (p.Item1, p.Item2 / total)).ToArray();
        }
        return bands;
    }

    private static float[] Decimate(float[] samples, int factor)
    {
        // A box average is a crude low-pass, enough for onset detection whose content is mostly below a few kHz.
        var result = new float[samples.Length / factor];
        for (var i = 0; i < result.Length; i++)
        {
            float sum = 0;
            for (var j = 0; j < factor; j++) sum += samples[i * factor + j];
            result[i] = sum / factor;
        }
        return result;
    }
}
