using System.Collections.Concurrent;

namespace DanceAspire.Media.Decoding;

/// <summary>
/// Reuses frame-sized arrays (all frames of a video are one size), so decoding allocates a handful of large buffers
/// instead of one per frame. Keeps at most <see cref="_maxRetained"/> returned arrays.
/// </summary>
internal sealed class FrameBufferPool(int frameBytes, int maxRetained)
{
    private readonly ConcurrentQueue<byte[]> _free = new();
    private readonly int _maxRetained = maxRetained;

    public int FrameBytes { get; } = frameBytes;

    public byte[] Rent() => _free.TryDequeue(out var buffer) ? buffer : GC.AllocateUninitializedArray<byte>(FrameBytes);

    public void Return(byte[] buffer)
    {
        if (buffer.Length == FrameBytes && _free.Count < _maxRetained) _free.Enqueue(buffer);
    }
}
