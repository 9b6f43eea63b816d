using System.Diagnostics;

namespace DanceAspire.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class BrowserTests(StackFixture stack)
{
    [Fact]
    public async Task The_home_page_in_a_real_browser_shows_the_api_health_fetched_through_the_gateway()
    {
        var profile = Directory.CreateTempSubdirectory("danceaspire-chromium-");
        try
        {
            var info = new ProcessStartInfo("chromium")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}",
                    // Virtual time waits for the page's fetches, then the DOM is printed as it stands.
                    "--virtual-time-budget=15000", "--dump-dom", stack.Gateway.BaseAddress!.ToString(),
                },
            };
            using var chromium = Process.Start(info)!;
            var stderr = chromium.StandardError.ReadToEndAsync();
            var dom = await chromium.StandardOutput.ReadToEndAsync();
            await chromium.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Contains("data-testid=\"api-health\"", dom);
            Assert.Matches("data-testid=\"api-health\"[^>]*data-status=\"Healthy\"|data-status=\"Healthy\"[^>]*data-testid=\"api-health\"", dom);
            foreach (var dependency in new[] { "postgres", "redis", "blobs" })
            {
                Assert.Contains($"data-testid=\"health-check-{dependency}\"", dom);
            }
            GC.KeepAlive(await stderr);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
