using DanceAspire.Analysis.Pose;

namespace DanceAspire.Analysis.Tests.Synthetic;

/// <summary>Renders an animated <see cref="Skeleton"/> into pose frames at a chosen frame rate, with optional Gaussian pixel jitter.</summary>
public static class SyntheticDancer
{
    public delegate void Animation(Skeleton skeleton, double timeSeconds);

    public static List<PoseFrame> Render(double seconds, double fps, Animation motion, double noisePx = 0, int seed = 7)
    {
        var random = new Random(seed);
        var frames = new List<PoseFrame>();
        var count = (int)Math.Round(seconds * fps);
        for (var i = 0; i < count; i++)
        {
            var t = i / fps;
            var skeleton = new Skeleton();
            motion(skeleton, t);
            var keypoints = new Keypoint[17];
            for (var k = 0; k < 17; k++)
            {
                keypoints[k] = new Keypoint((float)(skeleton.X[k] + noisePx * Gaussian(random)), (float)(skeleton.Y[k] + noisePx * Gaussian(random)), 0.9f);
            }
            frames.Add(new PoseFrame(i, t, Skeleton.Width, Skeleton.Height, KeypointFormat.Coco17, keypoints) { Score = 0.9f });
        }
        return frames;
    }

    public static Animation Still => (_, _) => { };

    /// <summary>Arms raised and lowered sideways: angle = amplitude · (1 − cos 2πft) / 2, one full swing per period.</summary>
    public static Animation ArmSwing(double hz, double amplitudeDegrees) =>
        (s, t) => s.RaiseArms(amplitudeDegrees * (1 - Math.Cos(2 * Math.PI * hz * t)) / 2);

    /// <summary>Squats from standing to full depth and back, once per period.</summary>
    public static Animation Squats(double periodSeconds) =>
        (s, t) => s.Crouch((1 - Math.Cos(2 * Math.PI * t / periodSeconds)) / 2);

    /// <summary>Stands, goes down over 1 s at <paramref name="downAt"/>, holds, and comes up over 1 s at <paramref name="upAt"/>.</summary>
    public static Animation SquatHold(double downAt, double upAt) =>
        (s, t) => s.Crouch(Math.Clamp(Math.Min(t - downAt, upAt + 1 - t), 0, 1));

    /// <summary>The whole body leaves the ground at <paramref name="at"/> for a parabolic flight.</summary>
    public static Animation Jump(double at, double flightSeconds, double heightPx) =>
        (s, t) =>
        {
            var phase = (t - at) / flightSeconds;
            if (phase is > 0 and < 1) s.Translate(0, -4 * heightPx * phase * (1 - phase));
        };

    /// <summary>Side-to-side sway of the whole body.</summary>
    public static Animation Sway(double hz, double amplitudePx) =>
        (s, t) => s.Translate(amplitudePx * Math.Sin(2 * Math.PI * hz * t), 0);

    public static Animation Both(Animation first, Animation second) => (s, t) => { first(s, t); second(s, t); };

    /// <summary>The first motion until <paramref name="switchAt"/>, then the second (on its own clock from there).</summary>
    public static Animation Then(Animation first, double switchAt, Animation second) =>
        (s, t) => { if (t < switchAt) first(s, t); else second(s, t - switchAt); };

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
