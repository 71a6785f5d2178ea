namespace Pacta.Web.Components.Pages;

/// <summary>
/// A sentence a page adds to the "not found" page when it knows more than "nothing here" (an entry that exists
/// but is not in a signed checkpoint yet). Kept on the request, which the not-found page renders in.
/// </summary>
internal static class NotFoundReason
{
    private const string Key = "Pacta.NotFoundReason";

    public static void Set(HttpContext? context, string text)
    {
        if (context is not null) context.Items[Key] = text;
    }

    public static string? Get(HttpContext? context) => context?.Items[Key] as string;
}
