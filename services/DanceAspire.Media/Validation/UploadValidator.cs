using DanceAspire.Media.Probing;

namespace DanceAspire.Media.Validation;

/// <summary>
/// Judges an upload from ffprobe alone, before anything decodes it: an empty or unreadable file is rejected by the
/// shared probe step, the rest by <see cref="FindProblem"/>, which names the first problem a user would fix.
/// </summary>
public abstract class UploadValidator(MediaProbe probe, string what)
{
    /// <summary>Probes a local file or an http(s) address and judges it.</summary>
    public async Task<VideoValidation> ValidateAsync(string pathOrUrl, CancellationToken cancellationToken = default) =>
        await UploadProbe.ProbeAsync(probe, pathOrUrl, what, cancellationToken) switch
        {
            (MediaInfo media, null) => Validate(media),
            (_, var rejection) => rejection!,
        };

    /// <summary>Judges a probe's answer.</summary>
    public VideoValidation Validate(MediaInfo media) =>
        FindProblem(media) is { } problem
            ? VideoValidation.Rejected(problem.Code, problem.Message, media)
            : VideoValidation.Accepted(media);

    protected abstract (string Code, string Message)? FindProblem(MediaInfo media);
}
