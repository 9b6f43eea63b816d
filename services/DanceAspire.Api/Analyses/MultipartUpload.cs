using DanceAspire.Analysis.Jobs;
using DanceAspire.Analysis.Pose;
using DanceAspire.Api.Accounts;
using DanceAspire.Api.Uploads;
using DanceAspire.Data;
using DanceAspire.Media.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DanceAspire.Api.Analyses;

/// <summary>POST /api/v1/analyses as multipart/form-data: a 'file' part, and optional 'model' and 'overlay' fields before or after it.</summary>
internal static class MultipartUpload
{
    public static async Task<Results<Accepted<AnalysisView>, Ok<AnalysisView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpContext http, Caller caller, DanceDbContext db, AnalysisStorage storage, AnalysisSubmitter submitter,
        IOptions<VideoLimits> videoLimits, TimeProvider time, CancellationToken cancellationToken)
    {
        var analysis = AnalysesApi.NewAnalysis(caller, "upload", "application/octet-stream", null, "multipart", time.GetUtcNow());
        await storage.EnsureContainerAsync(cancellationToken);
        var (content, problem) = await MultipartFileReader.ReadAsync(
            http, storage.Blob(analysis.Id, AnalysisBlobs.Original), videoLimits.Value.MaxSizeBytes, ["model", "overlay"], "video", cancellationToken);
        if (problem is not null)
        {
            await storage.DeleteAllAsync(analysis.Id, CancellationToken.None);
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        if (content!.SizeBytes is null)
        {
            errors["file"] = ["A 'file' part with the video is required."];
        }
        else
        {
            UploadRules.ValidateFileName(content.FileName, errors);
        }
        var model = content.Fields.GetValueOrDefault("model");
        bool? overlay = null;
        if (content.Fields.GetValueOrDefault("overlay") is { } overlayField)
        {
            if (bool.TryParse(overlayField, out var parsed)) overlay = parsed;
            else errors["overlay"] = [$"overlay is true or false, not '{overlayField}'."];
        }
        foreach (var (key, value) in UploadRequestRules.ValidateOptions(new AnalysisRequestOptions(model, overlay)))
        {
            errors[key.Replace("options.", "", StringComparison.Ordinal)] = value;
        }
        if (errors.Count > 0)
        {
            await storage.DeleteAllAsync(analysis.Id, CancellationToken.None);
            return TypedResults.ValidationProblem(errors, detail: "The upload is not valid; see errors.");
        }

        analysis.FileName = content.FileName!;
        analysis.ContentType = content.ContentType!;
        analysis.SizeBytes = content.SizeBytes!.Value;
        analysis.Model = model ?? PoseModels.Default;
        analysis.Overlay = overlay ?? true;
        db.Analyses.Add(analysis);
        await db.SaveChangesAsync(cancellationToken);
        return await AnalysesApi.SubmitAsync(db, submitter, analysis, cancellationToken);
    }
}
