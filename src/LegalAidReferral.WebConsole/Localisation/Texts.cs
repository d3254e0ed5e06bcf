namespace LegalAidReferral.WebConsole.Localisation;

/// <summary>The console's texts: Texts.resx (English) and Texts.{es,fr,pt,ht}.resx.</summary>
public sealed class Texts;
