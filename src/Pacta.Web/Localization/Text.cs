namespace Pacta.Web.Localization;

/// <summary>
/// Marker for Pacta's user-visible strings: <c>Text.resx</c> is Spanish (the default language),
/// <c>Text.en.resx</c> English. Pages inject <c>IStringLocalizer&lt;Text&gt;</c>.
/// </summary>
public sealed class Text;
