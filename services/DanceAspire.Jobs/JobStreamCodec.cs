using System.Globalization;

namespace DanceAspire.Jobs;

/// <summary>
/// The fields of work-stream and event-stream entries. Entries are flat name/value pairs (not one JSON blob) so the
/// Lua scripts can read the job id and attempt without a JSON parser, and so <c>redis-cli XRANGE</c> stays readable.
/// </summary>
public static class JobStreamCodec
{
    public const string JobField = "job";
    public const string AttemptField = "attempt";
    public const string KindField = "kind";
    public const string OwnerField = "owner";
    public const string PayloadField = "payload";
    public const string LeaseField = "lease";
    public const string WorkerField = "worker";
    public const string TypeField = "type";
    public const string ProgressField = "progress";
    public const string StageField = "stage";
    public const string ResultField = "result";
    public const string ErrorField = "error";
    public const string RetryableField = "retryable";

    /// <summary>Values per encoded <see cref="JobMessage"/>: every message has the same fields, in the same order.</summary>
    public const int MessageWidth = 12;

    public static string[] Encode(JobMessage message) =>
    [
        JobField, message.JobId.ToString("N"),
        AttemptField, Format(message.Attempt),
        KindField, message.Kind,
        OwnerField, message.OwnerId.ToString("N"),
        PayloadField, message.Payload,
        LeaseField, Format(message.LeaseSeconds),
    ];

    public static JobMessage DecodeMessage(IReadOnlyDictionary<string, string> fields) => new(
        ParseGuid(fields, JobField),
        Required(fields, KindField),
        ParseInt(fields, AttemptField),
        ParseGuid(fields, OwnerField),
        Required(fields, PayloadField),
        fields.TryGetValue(LeaseField, out var lease) ? ParseInt(lease, LeaseField) : 15);

    /// <summary>The event's fields; optional ones are left out when empty, so a heartbeat stays small.</summary>
    public static string[] Encode(JobEvent jobEvent)
    {
        var fields = new List<string>(16)
        {
            JobField, jobEvent.JobId.ToString("N"),
            AttemptField, Format(jobEvent.Attempt),
            WorkerField, jobEvent.WorkerId,
            TypeField, jobEvent.Type.ToString(),
        };
        if (jobEvent.Progress is { } progress)
        {
            fields.AddRange([ProgressField, progress.ToString("R", CultureInfo.InvariantCulture)]);
        }
        AddIfPresent(fields, StageField, jobEvent.Stage);
        AddIfPresent(fields, ResultField, jobEvent.Result);
        AddIfPresent(fields, ErrorField, jobEvent.Error);
        if (!jobEvent.Retryable)
        {
            fields.AddRange([RetryableField, "0"]);
        }
        return [.. fields];
    }

    public static JobEvent DecodeEvent(IReadOnlyDictionary<string, string> fields)
    {
        var typeName = Required(fields, TypeField);
        if (!Enum.TryParse<JobEventType>(typeName, ignoreCase: false, out var type) || !Enum.IsDefined(type))
        {
            throw new FormatException($"Unknown job event type '{typeName}'.");
        }
        return new JobEvent(
            ParseGuid(fields, JobField),
            ParseInt(fields, AttemptField),
            Required(fields, WorkerField),
            type,
            fields.TryGetValue(ProgressField, out var progress) ? ParseDouble(progress) : null,
            fields.GetValueOrDefault(StageField),
            fields.GetValueOrDefault(ResultField),
            fields.GetValueOrDefault(ErrorField),
            fields.GetValueOrDefault(RetryableField) != "0");
    }

    /// <summary>Pairs a flat [name, value, name, value...] list (a stream entry's fields) into a dictionary.</summary>
    public static Dictionary<string, string> ToDictionary(IReadOnlyList<string> flat)
    {
        if (flat.Count % 2 != 0)
        {
            throw new FormatException("A stream entry has an odd number of field values.");
        }
        var fields = new Dictionary<string, string>(flat.Count / 2, StringComparer.Ordinal);
        for (var i = 0; i < flat.Count; i += 2)
        {
            fields[flat[i]] = flat[i + 1];
        }
        return fields;
    }

    private static void AddIfPresent(List<string> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.AddRange([name, value]);
        }
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Required(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value : throw new FormatException($"The entry has no '{name}' field.");

    private static Guid ParseGuid(IReadOnlyDictionary<string, string> fields, string name) =>
        Guid.TryParseExact(Required(fields, name), "N", out var id) ? id : throw new FormatException($"Field '{name}' is not a job id.");

    private static int ParseInt(IReadOnlyDictionary<string, string> fields, string name) => ParseInt(Required(fields, name), name);

    private static int ParseInt(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : throw new FormatException($"Field '{name}' is not a number.");

    private static double ParseDouble(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new FormatException($"Field '{ProgressField}' is not a finite number.");
}
