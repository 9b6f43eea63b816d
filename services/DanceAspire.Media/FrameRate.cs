using System.Globalization;

namespace DanceAspire.Media;

/// <summary>A frame rate as ffmpeg writes it (<c>30000/1001</c>); kept rational so encoded durations match the input exactly.</summary>
public readonly record struct FrameRate(int Numerator, int Denominator)
{
    public bool IsValid => Numerator > 0 && Denominator > 0;

    public double PerSecond => IsValid ? (double)Numerator / Denominator : 0;

    /// <summary>Parses <c>n/d</c> or a plain number; <c>0/0</c> and garbage give an invalid (zero) rate.</summary>
    public static FrameRate Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return default;
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                ? FromDouble(value)
                : default;
        }
        return int.TryParse(text.AsSpan(0, slash), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
               && int.TryParse(text.AsSpan(slash + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d)
            ? new FrameRate(n, d)
            : default;
    }

    /// <summary>A rate given as a number, kept to a millisecond-frame denominator (enough for 29.97 and friends).</summary>
    public static FrameRate FromDouble(double perSecond) =>
        perSecond > 0 && double.IsFinite(perSecond) ? new FrameRate((int)Math.Round(perSecond * 1000), 1000) : default;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
