namespace DanceAspire.Analysis.Pose;

/// <summary>The wire names of the pose models a client may ask for (the api checks requests against them; the worker runs them).</summary>
public static class PoseModels
{
    public const string MoveNetLightning = "movenet-lightning";
    public const string MoveNetThunder = "movenet-thunder";
    public const string BlazePose = "blazepose";

    public const string Default = MoveNetLightning;

    public static readonly IReadOnlyList<string> Names = [MoveNetLightning, MoveNetThunder, BlazePose];

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);
}
