namespace DanceAspire.Choreography.Planning;

/// <summary>One spelling for a style tag, so "Hip-Hop", "hip hop" and "hiphop" are the same style.</summary>
internal static class StyleTag
{
    /// <summary>Lower-case letters and digits only; empty when nothing is left.</summary>
    public static string Normalize(string? tag) =>
        tag is null ? "" : string.Concat(tag.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
}
