namespace DanceAspire.Analysis.Imaging;

/// <summary>
/// Limited-range ("TV") YUV and RGB conversions, as ffmpeg applies them: Y in 16..235 and U, V in 16..240 map onto
/// 0..255 RGB. Results are clamped to 0..255.
/// </summary>
public static class YuvColor
{
    /// <summary>The coefficients of one matrix: RGB = Ky·(Y−16) + (RV·V', GU·U' + GV·V', BU·U') with U' = U−128, V' = V−128.</summary>
    public readonly record struct Coefficients(float Ky, float RV, float GU, float GV, float BU, float Kr, float Kb);

    private static readonly Coefficients Bt601 = Make(0.299f, 0.114f);
    private static readonly Coefficients Bt709 = Make(0.2126f, 0.0722f);

    public static Coefficients For(YuvMatrix matrix) => matrix == YuvMatrix.Bt709 ? Bt709 : Bt601;

    /// <summary>RGB (0..255, clamped, unrounded) of one limited-range YUV sample.</summary>
    public static (float R, float G, float B) ToRgb(byte y, byte u, byte v, in Coefficients c)
    {
        var luma = c.Ky * (y - 16);
        var cb = u - 128;
        var cr = v - 128;
        return (Clamp(luma + c.RV * cr), Clamp(luma + c.GU * cb + c.GV * cr), Clamp(luma + c.BU * cb));
    }

    /// <summary>The limited-range YUV of an RGB colour, rounded.</summary>
    public static (byte Y, byte U, byte V) FromRgb(byte r, byte g, byte b, YuvMatrix matrix = YuvMatrix.Bt601)
    {
        var c = For(matrix);
        var luma = c.Kr * r + (1 - c.Kr - c.Kb) * g + c.Kb * b;
        var y = 16 + luma * 219f / 255f;
        var u = 128 + (b - luma) / (2 * (1 - c.Kb)) * 224f / 255f;
        var v = 128 + (r - luma) / (2 * (1 - c.Kr)) * 224f / 255f;
        return (ToByte(y), ToByte(u), ToByte(v));
    }

    private static Coefficients Make(float kr, float kb)
    {
        var kg = 1 - kr - kb;
        const float luma = 255f / 219f, chroma = 255f / 224f;
        return new Coefficients(
            Ky: luma,
            RV: 2 * (1 - kr) * chroma,
            GU: -2 * (1 - kb) * kb / kg * chroma,
            GV: -2 * (1 - kr) * kr / kg * chroma,
            BU: 2 * (1 - kb) * chroma,
            Kr: kr,
            Kb: kb);
    }

    private static float Clamp(float value) => Math.Clamp(value, 0f, 255f);

    private static byte ToByte(float value) => (byte)Math.Clamp(MathF.Round(value), 0f, 255f);
}
