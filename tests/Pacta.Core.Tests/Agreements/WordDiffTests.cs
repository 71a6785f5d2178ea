using Pacta.Core.Agreements;

namespace Pacta.Core.Tests.Agreements;

public class WordDiffTests
{
    private static string Show(IReadOnlyList<DiffPart> parts) => string.Concat(parts.Select(p => p.Kind switch
    {
        DiffKind.Same => p.Text,
        DiffKind.Removed => $"[-{p.Text}-]",
        _ => $"{{+{p.Text}+}}",
    }));

    [Fact]
    public void Between_OneWordChanged_MarksOnlyThatWord() =>
        Assert.Equal("Publicar [-todos-]{+algunos+} los contratos.", Show(WordDiff.Between("Publicar todos los contratos.", "Publicar algunos los contratos.")));

    [Fact]
    public void Between_WordsAdded_AreAdded() =>
        Assert.Equal("Controles {+democráticos efectivos +}de la vigilancia", Show(WordDiff.Between("Controles de la vigilancia", "Controles democráticos efectivos de la vigilancia")));

    [Fact]
    public void Between_SameText_IsOneSamePart() =>
        Assert.Equal([new DiffPart(DiffKind.Same, "Igual, sin cambios.")], WordDiff.Between("Igual, sin cambios.", "Igual, sin cambios."));

    [Fact]
    public void Between_NullAndText_IsAllAdded() =>
        Assert.Equal("{+Nuevo texto+}", Show(WordDiff.Between(null, "Nuevo texto")));

    [Fact]
    public void Between_ReassemblesBothTexts()
    {
        const string older = "El alcance se reduce a tres dependencias, sin fechas.";
        const string newer = "El alcance abarca todas las dependencias, con fechas en 2027.";
        var parts = WordDiff.Between(older, newer);

        Assert.Equal(older, string.Concat(parts.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)));
        Assert.Equal(newer, string.Concat(parts.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
    }
}
