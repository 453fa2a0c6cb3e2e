namespace Parley.Ingest.Languages;

/// <summary>
/// The most frequent function words of each language, written for this project (no data file): a text's
/// language is the one whose words it uses most. Groups share a script; the identifier first decides the script.
/// </summary>
internal static class StopwordProfiles
{
    public static readonly (string Code, string Words)[] Latin =
    [
        ("en", "the of and to in a is that for on was with as by at it from he said his be are have has had were an not but which they this their will been who would its after also more one about up down than over under out two we you she her there or all when no"),
        ("de", "der die das und ist nicht ein eine einen dem den des mit sich von auf für im zu auch es dass wird wurde werden sind hat haben bei nach noch wie aus oder aber ich er sie wir über durch einer vom zum zur nur am"),
        ("fr", "le la les et des est une un du dans pour que qui pas sur au avec par il elle ce se sont ont été aux plus son sa ses mais ne leur cette nous vous je ou selon où comme"),
        ("es", "el la los las de y en que del se por con para una un es no al lo como su sus más pero ha fue son está este esta entre sobre también sin desde hasta muy cuando ya han"),
        ("it", "il lo la gli le di e che del della in un una per non con sono è ha anche come più alla nel dei delle al si da dopo questo questa ma stato essere hanno sua suo loro"),
        ("pt", "o a os as de do da dos das e que em no na um uma para com por não se mais foi ao como mas seu sua são está também pelo pela isso entre quando"),
        ("nl", "de het een en van in is dat op te zijn met voor niet aan er die ook als bij door maar om dan nog wordt werd heeft hebben naar over uit tot was zou kan"),
        ("sv", "och i att det som en på är av för med till den har de inte om ett men var jag vi sig från så kan eller när också efter skulle hade"),
        ("da", "og i at det som en på er af for med til den har de ikke om et men var jeg vi sig fra så kan eller når også efter skulle havde blev"),
        ("no", "og i at det som en på er av for med til den har de ikke om et men var jeg vi seg fra så kan eller når også etter skulle hadde ble"),
        ("fi", "ja on ei se että hän oli ovat mutta myös kun niin tai kuin jo vain sen ole olla joka mitä tämä hänen nyt vuonna sekä jälkeen"),
        ("pl", "i w nie na się z do to że jest jak o po co tak za od ale przez już jego jej oraz ich był była było są może dla który która które także"),
        ("cs", "a v se na je že s z o to do k i jako ale by jsou byl byla bylo jeho její které který která podle také už jen pro při až nebo než"),
        ("sk", "a v sa na je že s z o to do k i ako ale by sú bol bola bolo jeho jej ktoré ktorý ktorá podľa tiež už len pre pri až alebo než"),
        ("hr", "i u je na se da za od su s o a koji koja koje ali kao što biti bio bila iz do će nije još samo ili prema nakon"),
        ("tr", "ve bir bu da de için ile olarak daha çok gibi olan en ama ne var o sonra kadar değil her ki mi şu tarafından ise göre"),
        ("ro", "și în de la a care cu pe din nu o un se că este pentru sunt mai au fost al ale lui sau dar după acest această"),
        ("hu", "a az és hogy nem is egy van volt meg de csak még már mint ez azt el ki be kell lesz pedig után szerint majd"),
        ("id", "yang dan di ini itu dengan untuk dari dalam tidak akan ke pada juga ada adalah oleh karena atau sudah telah mereka kami bisa saat"),
        ("ca", "el la els les de i a que en un una per amb no es del al és són va com més però seu seva dels també hi ha"),
        ("vi", "và của là có được trong cho không các những người một này đã với để khi ra về như năm"),
    ];

    public static readonly (string Code, string Words)[] Cyrillic =
    [
        ("ru", "и в не на что с по как это он она они к из за то от а но для у же о было был была так все его её ее мы вы я бы ли уже или только также при"),
        ("uk", "і в не на що з по як це він вона вони до за та від а але для у ж о було був була так все його її ми ви я б чи вже або тільки також при"),
        ("bg", "и в не на че с по как това той тя те да от за а но се е са беше бе ще ли вече или само също при след"),
    ];

    public static readonly (string Code, string Words)[] Arabic =
    [
        ("ar", "في من على أن إلى عن مع هذا هذه التي الذي كان قد لا ما هو هي بين كما أو ذلك بعد"),
        ("fa", "و در به از که این را با است آن برای یک می شود تا بر هم نیز شد"),
        ("ur", "کے میں کی ہے اور سے کو نے کہ پر یہ ایک ہیں تھا بھی کا"),
    ];
}
