using System.Buffers.Binary;

namespace Pacta.Core.Record.Tiles;

/// <summary>
/// A C2SP tlog-tiles entry bundle: each entry a big-endian uint16 length, then that many bytes. Written by the
/// server, split by the verifier; splitting is strict: exactly the expected number of entries and not one
/// byte more, or the bundle is refused.
/// </summary>
public static class EntryBundleFormat
{
    /// <summary>The largest bundle: 256 entries of the largest length a uint16 can carry.</summary>
    public const int MaxBundleBytes = 256 * (2 + ushort.MaxValue);

    /// <summary>The bundle of <paramref name="entries"/>, in order.</summary>
    /// <exception cref="ArgumentException">An entry is longer than a uint16 length can say: writing it would
    /// corrupt every entry after it, so nothing is written.</exception>
    public static byte[] Encode(IReadOnlyList<byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var output = new byte[entries.Sum(e => 2 + e.Length)];
        var at = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Length > ushort.MaxValue)
                throw new ArgumentException($"Entry {i} of the bundle is {entry.Length} bytes, more than an entry bundle can hold.", nameof(entries));
            BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(at), (ushort)entry.Length);
            entry.CopyTo(output, at + 2);
            at += 2 + entry.Length;
        }
        return output;
    }

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
