using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using QRCoder;

namespace Pacta.Web.People;

/// <summary>
/// Keeps a new authenticator secret between the page that shows it and the post that confirms it, in a hidden
/// field the browser cannot read or alter (Data Protection, bound to whom it was made for, one hour). Nothing is
/// stored until the member proves with a code that their app holds the secret.
/// </summary>
internal sealed class TotpSetupProtector(IDataProtectionProvider provider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <param name="boundTo">Who the secret is for (an invitation's token hash, a member id): it opens for no one else.</param>
    public string Protect(string secret, string boundTo) => Protector(boundTo).Protect(secret, Lifetime);

    public string? Unprotect(string? protectedSecret, string boundTo)
    {
        if (string.IsNullOrEmpty(protectedSecret)) return null;
        try
        {
            return Protector(boundTo).Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector(string boundTo) =>
        provider.CreateProtector("Pacta.Accounts.TotpSetup.v1", boundTo).ToTimeLimitedDataProtector();
}

/// <summary>
/// A QR code as inline SVG markup drawn from QRCoder's module matrix: one path, no <c>style</c> attribute
/// (the CSP allows no inline style) and no <c>data:</c> image (nor those).
/// </summary>
internal static class QrSvg
{
    public static string For(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                if (matrix[y][x])
                    path.Append(System.Globalization.CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
        var title = System.Net.WebUtility.HtmlEncode(label);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{title}\" shape-rendering=\"crispEdges\">" +
            $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
