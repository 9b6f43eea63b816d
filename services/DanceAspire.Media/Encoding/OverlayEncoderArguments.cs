using DanceAspire.Analysis.Imaging;

namespace DanceAspire.Media.Encoding;

/// <summary>The ffmpeg command line of the overlay encoder. Pure, so the choices (audio copy, padding) are testable.</summary>
public static class OverlayEncoderArguments
{
    /// <param name="input">How the piped frames are laid out; yuv420p goes to x264 without a colour conversion.</param>
    /// <param name="matrix">The yuv420p frames' colour matrix, tagged on the output so players convert them back alike.</param>
    public static IReadOnlyList<string> For(string outputPath, int width, int height, FrameRate frameRate, OverlayAudio? audio,
        PixelFormat input = PixelFormat.Rgb24, YuvMatrix matrix = YuvMatrix.Bt601)
    {
        var arguments = new List<string>
        {
            "-nostdin", "-v", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", input.FfmpegName(), "-s", $"{width}x{height}", "-framerate", frameRate.ToString(), "-i", "pipe:0",
        };
        if (audio is not null)
        {
            arguments.AddRange(["-i", audio.PathOrUrl, "-map", "0:v:0", "-map", "1:a:0?"]);
            arguments.AddRange(audio.CodecName == "aac" ? ["-c:a", "copy"] : ["-c:a", "aac", "-b:a", "128k"]);
            // The video decides the length: audio that runs past the last frame is cut.
            arguments.Add("-shortest");
        }
        // yuv420p needs even sides: pad an odd one with a black row or column rather than resample the overlay.
        if (width % 2 != 0 || height % 2 != 0)
        {
            arguments.AddRange(["-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2"]);
        }
        arguments.AddRange(["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"]);
        if (input == PixelFormat.Yuv420p && matrix == YuvMatrix.Bt709) arguments.AddRange(["-colorspace", "bt709"]);
        arguments.AddRange(["-movflags", "+faststart", outputPath]);
        return arguments;
    }
}
