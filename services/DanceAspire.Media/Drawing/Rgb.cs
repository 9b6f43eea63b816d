namespace DanceAspire.Media.Drawing;

/// <summary>A 24-bit colour in rgb24 byte order.</summary>
public readonly record struct Rgb(byte R, byte G, byte B);
