namespace DanceAspire.Jobs;

/// <summary>
/// An auto-reset wake-up for a loop that sleeps until pub/sub tells it there is work: any number of <see cref="Set"/>
/// calls while nobody waits wake the next wait once, and a wait always ends after its timeout (the poll fallback).
/// </summary>
public sealed class WakeSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Set()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set: one wake-up covers every signal before it.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout > TimeSpan.Zero)
        {
            await _semaphore.WaitAsync(timeout, cancellationToken);
        }
    }
}
