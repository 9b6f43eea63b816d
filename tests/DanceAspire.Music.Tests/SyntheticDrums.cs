namespace DanceAspire.Music.Tests;

/// <summary>Known-answer audio: short drum-like hits (a decaying low sine plus a decaying noise burst) at chosen times.</summary>
internal static class SyntheticDrums
{
    public const int SampleRate = 22050;

    public static float[] Render(double durationSeconds, IEnumerable<(double Time, double Level)> hits, int seed = 1, double floorLevel = 1e-4,
        int sampleRate = SampleRate)
    {
        var samples = new float[(int)(durationSeconds * sampleRate)];
        var random = new Random(seed);
        // A faint noise floor keeps "silence" realistic: real recordings are never digital zero.
        for (var i = 0; i < samples.Length; i++) samples[i] = (float)(floorLevel * (random.NextDouble() * 2 - 1));
        var hitLength = (int)(0.15 * sampleRate);
        foreach (var (time, level) in hits)
        {
            var start = (int)Math.Round(time * sampleRate);
            for (var i = 0; i < hitLength && start + i < samples.Length; i++)
            {
                if (start + i < 0) continue;
                var t = (double)i / sampleRate;
                var body = Math.Sin(2 * Math.PI * 110 * t) * Math.Exp(-t / 0.05);
                var snap = (random.NextDouble() * 2 - 1) * Math.Exp(-t / 0.015);
                samples[start + i] += (float)(level * 0.5 * (body + snap));
            }
        }
        return samples;
    }

    /// <summary>Beat times at a steady tempo from <paramref name="start"/> until <paramref name="end"/>.</summary>
    public static double[] Steady(double bpm, double start, double end)
    {
        var period = 60.0 / bpm;
        var beats = new List<double>();
        for (var t = start; t < end; t += period) beats.Add(t);
        return beats.ToArray();
    }

    /// <summary>Full-level hits on the beats, with every <paramref name="accentEvery"/>th beat louder (a bar's downbeat).</summary>
    public static IEnumerable<(double Time, double Level)> OnBeats(double[] beats, int accentEvery = 4, int accentPhase = 0) =>
        beats.Select((t, i) => (t, (i - accentPhase) % accentEvery == 0 ? 1.0 : 0.7));
}
