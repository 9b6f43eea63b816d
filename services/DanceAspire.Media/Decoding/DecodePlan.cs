using DanceAspire.Analysis.Imaging;
using DanceAspire.Media.Probing;

namespace DanceAspire.Media.Decoding;

/// <summary>
/// The output the decoder will produce, worked out from the probe before ffmpeg starts, so the frame size is known
/// exactly (a raw pipe has no header) and the encoder can use the same rate. <see cref="Matrix"/> is how the frames'
/// YUV turns into RGB, the way ffmpeg would convert them.
/// </summary>
public sealed record DecodePlan(int Width, int Height, FrameRate FrameRate, PixelFormat PixelFormat = PixelFormat.Rgb24, YuvMatrix Matrix = YuvMatrix.Bt601)
{
    public int FrameBytes => PixelFormat.FrameBytes(Width, Height);

    public static DecodePlan For(MediaStreamInfo video, FrameReadOptions? options = null)
    {
        var (width, height) = (video.DisplayWidth, video.DisplayHeight);
        if (width <= 0 || height <= 0) throw new ArgumentException("The video stream has no size.", nameof(video));
        if (options?.Width is { } w && options.Height is { } h) (width, height) = (w, h);
        else if (options?.Width is { } onlyWidth) (width, height) = (onlyWidth, Math.Max(1, (int)Math.Round((double)height * onlyWidth / width)));
        else if (options?.Height is { } onlyHeight) (width, height) = (Math.Max(1, (int)Math.Round((double)width * onlyHeight / height)), onlyHeight);
        return new DecodePlan(width, height, ChooseFrameRate(video), options?.PixelFormat ?? PixelFormat.Rgb24, video.YuvMatrix);
    }

    /// <summary>
    /// r_frame_rate, unless it is far above the average (variable-rate phone videos report 90000/1 or 120/1); then the
    /// average, so forcing a constant rate does not duplicate most frames.
    /// </summary>
    public static FrameRate ChooseFrameRate(MediaStreamInfo video)
    {
        var real = video.RealFrameRate;
        var average = video.AverageFrameRate;
        if (real.IsValid && (!average.IsValid || real.PerSecond <= average.PerSecond * 1.5)) return real;
        if (average.IsValid) return average;
        return new FrameRate(25, 1);
    }
}
