namespace DanceAspire.Hosting;

/// <summary>
/// Lets the testing builder run an AppHost's real Program.cs: it adjusts the options when the builder is
/// created (random ports, a temporary state folder) and takes the builder when Program.cs calls Build(),
/// ending the entry point there instead of running the application.
/// </summary>
internal sealed class TestingHook(Action<DistributedApplicationOptions> configure)
{
    private static readonly AsyncLocal<TestingHook?> Active = new();

    public static TestingHook? Current => Active.Value;
    public DistributedApplicationBuilder? Builder { get; private set; }

    public Action<DistributedApplicationOptions> Configure { get; } = configure;

    public static IDisposable Activate(TestingHook hook)
    {
        Active.Value = hook;
        return new Deactivation();
    }

    public void OnBuilt(DistributedApplicationBuilder builder)
    {
        Builder = builder;
        throw new BuilderCapturedException();
    }

    internal sealed class BuilderCapturedException() : Exception("The testing builder took the AppHost's builder.");

    private sealed class Deactivation : IDisposable
    {
        public void Dispose() => Active.Value = null;
    }
}
