using DanceAspire.Choreography.Blueprints;

namespace DanceAspire.Assembler.Assembly;

/// <summary>
/// The blueprint or its media cannot make a video (times that do not fit, a clip that is not video, too short): the same
/// inputs would fail again, so the job is not retried. <see cref="Errors"/> name the blueprint fields at fault.
/// </summary>
public sealed class AssemblyInputException(string message, IReadOnlyList<BlueprintError>? errors = null, Exception? innerException = null)
    : Exception(errors is { Count: > 0 } ? $"{message} {string.Join("; ", errors)}" : message, innerException)
{
    public IReadOnlyList<BlueprintError> Errors { get; } = errors ?? [];
}
