namespace DanceAspire.Choreography.Blueprints;

/// <summary>
/// Rules for the blob paths a blueprint names. The assembler fetches whatever these point at,
/// so anything that could escape the allowed containers is refused rather than normalized.
/// </summary>
public static class BlobPath
{
    /// <summary>Why <paramref name="path"/> is not an allowed "container/name…" blob path, or null when it is.</summary>
    public static string? FindProblem(string path, IReadOnlyCollection<string> allowedContainers)
    {
        if (string.IsNullOrEmpty(path)) return "is empty";
        if (path.Contains('\\')) return $"'{path}' contains a backslash; blob paths use '/' separators";
        if (path.Contains(':')) return $"'{path}' has a scheme or drive (':'); only relative blob paths are allowed";
        if (path.StartsWith('/')) return $"'{path}' is absolute; blob paths are relative, 'container/name'";
        foreach (var c in path)
            if (char.IsControl(c) || c is '%' or '?' or '#')
                return $"'{path}' contains '{(char.IsControl(c) ? "a control character" : c)}', which blob paths here may not";

        var segments = path.Split('/');
        if (segments.Any(s => s.Length == 0)) return $"'{path}' has an empty segment";
        if (segments.Any(s => s is "." or "..")) return $"'{path}' contains a '.' or '..' segment";
        if (segments.Length < 2) return $"'{path}' names no blob inside a container; expected 'container/name', e.g. 'moves/<id>/clip.mp4'";
        if (!allowedContainers.Contains(segments[0], StringComparer.Ordinal))
            return $"container '{segments[0]}' is not allowed here; allowed: {string.Join(", ", allowedContainers)}";
        return null;
    }
}
