using System.Buffers.Binary;

namespace Pacta.Core.Verification;

/// <summary>
/// Splits a C2SP tlog-tiles entry bundle: each entry a big-endian uint16 length, then that many bytes.
/// Strict: exactly the expected number of entries and not one byte more, or the bundle is refused.
/// </summary>
public static class EntryBundleFormat
{
    /// <summary>The largest bundle: 256 entries of the largest length a uint16 can carry.</summary>
    public const int MaxBundleBytes = 256 * (2 + ushort.MaxValue);

    /// <summary>
    /// Splits <paramref name="bundle"/> into exactly <paramref name="count"/> entries; <paramref name="error"/>
    /// says why not. Entries are slices of <paramref name="bundle"/> (start, length), not copies.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<byte> bundle, int count, Span<Range> entries, out string? error)
    {
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            if (bundle.Length - at < 2)
            {
                error = $"ends after {i} entries, {count} expected";
                return false;
            }
            int length = BinaryPrimitives.ReadUInt16BigEndian(bundle[at..]);
            at += 2;
            if (bundle.Length - at < length)
            {
                error = $"entry {i} claims {length} bytes, only {bundle.Length - at} follow";
                return false;
            }
            entries[i] = new Range(at, at + length);
            at += length;
        }
        if (at != bundle.Length)
        {
            error = $"{bundle.Length - at} bytes follow its {count} entries";
            return false;
        }
        error = null;
        return true;
    }
}
