using System.Globalization;

namespace Pacta.Core.Record;

/// <summary>
/// Formats a double as ECMAScript's <c>Number.prototype.toString</c> does (ECMA-262 Number::toString,
/// radix 10), which is how RFC 8785 writes every JSON number.
/// </summary>
/// <remarks>
/// .NET's "R" format already finds the shortest digit string that round-trips (and, among those, the one
/// closest to the value), which is the digit string ECMAScript asks for; only the layout differs
/// (<c>1E+21</c>, <c>1E-07</c>, <c>-0</c>). So the digits and the decimal exponent are taken from "R"
/// and laid out again by the ECMAScript rules.
/// </remarks>
public static class EcmaScriptNumber
{
    /// <summary>Room for the longest output ("-0.00000" and 17 digits, 25 characters) with some to spare.</summary>
    public const int MaxLength = 32;

    /// <summary>The ECMAScript text of <paramref name="value"/>; refuses NaN and the infinities, which JSON cannot hold.</summary>
    public static string Format(double value)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var length = Format(value, buffer);
        return string.Create(length, buffer[..length], static (chars, bytes) =>
        {
            for (var i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
        });
    }

    /// <summary>Writes the ECMAScript text of <paramref name="value"/> as ASCII into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes) and returns its length.</summary>
    public static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "NaN and Infinity have no JSON representation.");
        // Covers -0 too: ECMAScript writes both zeros as "0".
        if (value == 0)
        {
            destination[0] = (byte)'0';
            return 1;
        }

        Span<char> shortest = stackalloc char[MaxLength];
        if (!value.TryFormat(shortest, out var shortestLength, "R", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("A double's shortest form did not fit in 32 characters.");

        // Split "R" output ("-1.2345E-07", "123.45", "1E+21") into significant digits and the position of
        // the decimal point relative to them: value = 0.d1d2...dk × 10^n, as in ECMA-262.
        Span<byte> digits = stackalloc byte[MaxLength];
        var k = 0;
        var pointAt = 0;
        var sawPoint = false;
        var i = 0;
        var negative = shortest[0] == '-';
        if (negative) i++;
        for (; i < shortestLength && shortest[i] != 'E'; i++)
        {
            var c = shortest[i];
            if (c == '.')
            {
                pointAt = k;
                sawPoint = true;
            }
            else if (c == '0' && k == 0)
            {
                // A leading zero after the point ("0.0001") moves the point left instead of being a digit.
                if (sawPoint) pointAt--;
            }
            else digits[k++] = (byte)c;
        }
        // No dot: an integer mantissa ("123", "1E+21"), which never starts with a zero.
        if (!sawPoint) pointAt = k;
        var exponent = i < shortestLength ? int.Parse(shortest[(i + 1)..shortestLength], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        while (k > 1 && digits[k - 1] == '0') k--;
        var n = pointAt + exponent;

        var w = 0;
        if (negative) destination[w++] = (byte)'-';
        if (k <= n && n <= 21)
        {
            // An integer: the digits, then zeros up to the point.
            digits[..k].CopyTo(destination[w..]);
            w += k;
            destination.Slice(w, n - k).Fill((byte)'0');
            w += n - k;
        }
        else if (0 < n && n <= 21)
        {
            digits[..n].CopyTo(destination[w..]);
            w += n;
            destination[w++] = (byte)'.';
            digits[n..k].CopyTo(destination[w..]);
            w += k - n;
        }
        else if (-6 < n && n <= 0)
        {
            destination[w++] = (byte)'0';
            destination[w++] = (byte)'.';
            destination.Slice(w, -n).Fill((byte)'0');
            w += -n;
            digits[..k].CopyTo(destination[w..]);
            w += k;
        }
        else
        {
            destination[w++] = digits[0];
            if (k > 1)
            {
                destination[w++] = (byte)'.';
                digits[1..k].CopyTo(destination[w..]);
                w += k - 1;
            }
            destination[w++] = (byte)'e';
            var e = n - 1;
            destination[w++] = e < 0 ? (byte)'-' : (byte)'+';
            if (!Math.Abs(e).TryFormat(destination[w..], out var written, default, CultureInfo.InvariantCulture))
                throw new InvalidOperationException("The exponent did not fit.");
            w += written;
        }
        return w;
    }
}
