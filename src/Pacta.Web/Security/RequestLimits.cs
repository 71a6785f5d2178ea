using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace Pacta.Web.Security;

/// <summary>
/// Bounds on what a request may carry, and a clear 413 (not a 500) when one carries more. Forms are read here,
/// before antiforgery and the pages read them, so that an oversized form fails in one known place.
/// </summary>
internal static class RequestLimits
{
    /// <summary>A text field: the longest comment is far below this.</summary>
    public const int FieldBytes = 64 * 1024;

    /// <summary>A whole request: one document upload (10 MB) with its form.</summary>
    public const long BodyBytes = 11 * 1024 * 1024;

    public static void AddPactaRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = BodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.Configure<FormOptions>(form =>
        {
            form.ValueLengthLimit = FieldBytes;
            form.ValueCountLimit = 200;
            form.KeyLengthLimit = 200;
            form.MultipartBodyLengthLimit = BodyBytes;
            form.MultipartHeadersLengthLimit = 16 * 1024;
        });
    }

    public static void UseRequestLimits(this WebApplication app) => app.Use(async (context, next) =>
    {
        // Not on a re-executed status page: that request already went through here (and its form may be one the
        // antiforgery check refused, which the framework then forbids reading).
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                // Too large, or not a form at all (a NUL in a value: ASP.NET Core refuses the whole form).
                var tooLarge = e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                    || e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
                context.Response.StatusCode = tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                var spanish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es";
                await context.Response.WriteAsync(tooLarge
                    ? spanish
                        ? $"El formulario enviado es demasiado grande: cada campo admite hasta {FieldBytes / 1024} KB y la solicitud entera hasta {BodyBytes / 1024 / 1024} MB. Nada se guardó."
                        : $"The form sent is too large: each field takes up to {FieldBytes / 1024} KB and the whole request up to {BodyBytes / 1024 / 1024} MB. Nothing was stored."
                    : spanish
                        ? "El formulario enviado contiene caracteres que no son texto (por ejemplo un carácter nulo). Nada se guardó."
                        : "The form sent contains characters that are not text (a null character, for example). Nothing was stored.");
                return;
            }
        }
        await next(context);
    });
}

/// <summary>
/// A form whose antiforgery token is missing or forged is refused here with an empty 400, which the status pages
/// turn into a page that says what happened in the reader's language; the framework's own refusal is a sentence
/// for developers, in English. Endpoints that check the token themselves (they declare it not required) are left alone.
/// </summary>
internal static class AntiforgeryRefusal
{
    public static void UseAntiforgeryRefusal(this WebApplication app) => app.Use((context, next) =>
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false }
            && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Antiforgery.IAntiforgeryMetadata>() is { RequiresValidation: true })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }
        return next(context);
    });
}
