namespace Microsoft.ML.OnnxRuntime.Tests;

public class NativeLibraryTests
{
    [Fact]
    public void The_native_library_loads_and_is_at_least_the_version_the_managed_sources_need()
    {
        var reported = OrtEnv.Instance().GetVersionString();

        Assert.True(Version.TryParse(reported, out var version), $"Unparseable ONNX Runtime version '{reported}'.");
        Assert.True(version >= new Version(1, 25), $"ONNX Runtime {version} is older than 1.25, which the managed sources need.");
    }

    [Fact]
    public void The_cpu_execution_provider_is_available()
    {
        Assert.Contains("CPUExecutionProvider", OrtEnv.Instance().GetAvailableProviders());
    }
}
