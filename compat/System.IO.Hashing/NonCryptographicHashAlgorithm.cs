using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

[assembly: CLSCompliant(true)]

namespace System.IO.Hashing;

/// <summary>
/// Base class of the non-cryptographic hash algorithms. Member signatures mirror the
/// System.IO.Hashing package exactly, because binaries compiled against that package
/// (Azure.Storage.Common derives from this class) bind to them by signature.
/// </summary>
public abstract class NonCryptographicHashAlgorithm
{
    private const int StreamBufferSize = 4096;

    /// <summary>Called by derived classes with the length of the hash they produce.</summary>
    protected NonCryptographicHashAlgorithm(int hashLengthInBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hashLengthInBytes, 1);
        HashLengthInBytes = hashLengthInBytes;
    }

    /// <summary>The number of bytes this algorithm produces.</summary>
    public int HashLengthInBytes { get; }

    /// <summary>Appends <paramref name="source"/> to the data hashed so far.</summary>
    public abstract void Append(ReadOnlySpan<byte> source);

    /// <summary>Returns the computation to its initial state.</summary>
    public abstract void Reset();

    /// <summary>
    /// Writes the hash of the data so far to <paramref name="destination"/>, which is exactly
    /// <see cref="HashLengthInBytes"/> long and not necessarily zeroed; state is left unchanged.
    /// </summary>
    protected abstract void GetCurrentHashCore(Span<byte> destination);

    /// <summary>Appends <paramref name="source"/> to the data hashed so far.</summary>
    public void Append(byte[] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Append(new ReadOnlySpan<byte>(source));
    }

    /// <summary>Reads <paramref name="stream"/> to its end and appends what it read.</summary>
    public void Append(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);

        byte[] buffer = ArrayPool<byte>.Shared.Rent(StreamBufferSize);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                Append(new ReadOnlySpan<byte>(buffer, 0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end asynchronously and appends what it read.</summary>
    public Task AppendAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        // Validate eagerly so a null stream throws at the call, not when the task is awaited.
        ArgumentNullException.ThrowIfNull(stream);
        return AppendAsyncCore(stream, cancellationToken);
    }

    private async Task AppendAsyncCore(Stream stream, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(StreamBufferSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                Append(new ReadOnlySpan<byte>(buffer, 0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Returns the hash of the data so far without changing the state.</summary>
    public byte[] GetCurrentHash()
    {
        byte[] hash = new byte[HashLengthInBytes];
        GetCurrentHashCore(hash);
        return hash;
    }

    /// <summary>Writes the hash of the data so far if <paramref name="destination"/> is long enough.</summary>
    public bool TryGetCurrentHash(Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < HashLengthInBytes)
        {
            bytesWritten = 0;
            return false;
        }

        GetCurrentHashCore(destination[..HashLengthInBytes]);
        bytesWritten = HashLengthInBytes;
        return true;
    }

    /// <summary>Writes the hash of the data so far and returns its length.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public int GetCurrentHash(Span<byte> destination)
    {
        if (destination.Length < HashLengthInBytes)
        {
            ThrowDestinationTooShort();
        }

        GetCurrentHashCore(destination[..HashLengthInBytes]);
        return HashLengthInBytes;
    }

    /// <summary>Returns the hash of the data so far and resets the state.</summary>
    public byte[] GetHashAndReset()
    {
        byte[] hash = new byte[HashLengthInBytes];
        GetHashAndResetCore(hash);
        return hash;
    }

    /// <summary>Writes the hash and resets the state if <paramref name="destination"/> is long enough.</summary>
    public bool TryGetHashAndReset(Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < HashLengthInBytes)
        {
            bytesWritten = 0;
            return false;
        }

        GetHashAndResetCore(destination[..HashLengthInBytes]);
        bytesWritten = HashLengthInBytes;
        return true;
    }

    /// <summary>Writes the hash, resets the state and returns the hash length.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public int GetHashAndReset(Span<byte> destination)
    {
        if (destination.Length < HashLengthInBytes)
        {
            ThrowDestinationTooShort();
        }

        GetHashAndResetCore(destination[..HashLengthInBytes]);
        return HashLengthInBytes;
    }

    /// <summary>
    /// Writes the hash to <paramref name="destination"/> (exactly <see cref="HashLengthInBytes"/>
    /// long) and resets the state; by default <see cref="GetCurrentHashCore"/> then <see cref="Reset"/>.
    /// </summary>
    protected virtual void GetHashAndResetCore(Span<byte> destination)
    {
        GetCurrentHashCore(destination);
        Reset();
    }

    /// <summary>Not supported: a hash algorithm instance has no value identity of its own.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Use GetCurrentHash() to retrieve the computed hash code.", true)]
#pragma warning disable CS0809 // The real package obsoletes this override of a non-obsolete member too.
    public override int GetHashCode() =>
        throw new NotSupportedException("GetHashCode is not supported; call GetCurrentHash() for the computed hash.");
#pragma warning restore CS0809

    [DoesNotReturn]
    private protected static void ThrowDestinationTooShort() =>
        throw new ArgumentException("Destination is too short.", "destination");
}
