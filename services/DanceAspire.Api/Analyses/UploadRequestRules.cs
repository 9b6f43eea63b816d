using DanceAspire.Analysis.Pose;
using DanceAspire.Api.Uploads;
using DanceAspire.Media.Validation;

namespace DanceAspire.Api.Analyses;

/// <summary>Checks of a video upload request's own fields, before any file is seen (the file itself is checked with ffprobe).</summary>
public static class UploadRequestRules
{
    /// <summary>The errors in ValidationProblem's shape; empty when the request is fine.</summary>
    public static Dictionary<string, string[]> Validate(UploadUrlRequest request, VideoLimits limits)
    {
        var errors = ValidateOptions(request.Options);
        UploadRules.ValidateFileName(request.FileName, errors);
        UploadRules.ValidateContentType(request.ContentType, "video", "video/mp4", errors);
        UploadRules.ValidateSize(request.SizeBytes, limits.MaxSizeBytes, errors);
        return errors;
    }

    /// <summary>The options' errors (model and overlay), keyed like the request's JSON.</summary>
    public static Dictionary<string, string[]> ValidateOptions(AnalysisRequestOptions? options)
    {
        var errors = new Dictionary<string, string[]>();
        if (options?.Model is { } model && !PoseModels.Names.Contains(model))
        {
            errors["options.model"] = [$"model '{model}' is not one of {string.Join(", ", PoseModels.Names)}."];
        }
        return errors;
    }
}
