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
        if (context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                context.Response.StatusCode = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status413PayloadTooLarge;
                if (context.Response.StatusCode == StatusCodes.Status400BadRequest) context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.ContentType = "text/plain; charset=utf-8";
                var spanish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es";
                await context.Response.WriteAsync(spanish
                    ? $"El formulario enviado es demasiado grande: cada campo admite hasta {FieldBytes / 1024} KB y la solicitud entera hasta {BodyBytes / 1024 / 1024} MB. Nada se guardó."
                    : $"The form sent is too large: each field takes up to {FieldBytes / 1024} KB and the whole request up to {BodyBytes / 1024 / 1024} MB. Nothing was stored.");
                return;
            }
        }
        await next(context);
    });
}
