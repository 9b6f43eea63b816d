namespace DanceAspire.Choreography.Descriptions;

/// <summary>Turns a natural-language description of a dance into <see cref="ChoreographyHints"/>.</summary>
public interface IDescriptionInterpreter
{
    Task<ChoreographyHints> InterpretAsync(string description, CancellationToken cancellationToken = default);
}

/// <summary>The built-in interpreter: <see cref="DescriptionParser"/>'s rules, no network.</summary>
public sealed class RuleBasedDescriptionInterpreter : IDescriptionInterpreter
{
    public Task<ChoreographyHints> InterpretAsync(string description, CancellationToken cancellationToken = default) =>
        Task.FromResult(DescriptionParser.Parse(description));
}
