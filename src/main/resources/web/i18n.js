// Interface strings in Azerbaijani, English, Russian and Turkish. The language comes from ?ui=,
// else the last choice (localStorage), else the browser's Accept-Language (navigator.languages).
"use strict";

const I18N = {
  en: {
    yearUnit: "year",
    collection: "Collection", captured: "captured", otherCaptures: (n) => n === 1 ? "1 other capture" : n + " other captures",
    capturedSort: "Newest capture first", overTime: "Over time", relativeView: "Relative to the archive", allDates: "All dates",
    timelineHint: "Click a bar or drag across bars to filter by date. With the keyboard: arrows move, Shift+arrows select a range, Enter filters.",
    timelineTitle: (unit) => "Matching documents per " + unit, ofArchive: (n) => "of " + n + " in the archive",
    month: "month", day: "day", exportAll: "Export every match:",
    search: "Search", searchLabel: "Search the archive", placeholder: "Search the archive: Xocalı, Khojaly, İngiltərə …",
    allLanguages: "All languages", language: "Language", site: "Site", year: "Year", dates: "Dates",
    from: "From", to: "To", apply: "Apply", clear: "clear", sort: "Sort", relevance: "Relevance",
    newest: "Newest first", oldest: "Oldest first", help: "Search help", documents: (n) => n === 1 ? "1 document" : n + " documents",
    inArchive: (n) => n + " documents in the archive. Type a query to search.", noMatch: (q) => "No documents match “" + q + "”.",
    didYouMean: "Did you mean", relaxedAny: "Few documents had all the words; showing documents with any of them.",
    relaxedFuzzy: "Few documents matched; showing near spellings too.", previous: "← Previous", next: "Next →",
    copies: (n) => n === 1 ? "1 similar copy" : n + " similar copies", back: "← Back to results", url: "URL",
    date: "Date", source: "Source", id: "Id", rawSource: "Raw source", original: "Original page",
    captures: "Captures of this URL", duplicates: "Copies of this text", similar: "Similar documents",
    loading: "Loading…", searching: "Searching…", notAnswering: "The search service is not answering: ",
    uiLanguage: "Interface language", refine: "Refine", pages: "Result pages", suggestions: "Suggestions",
    langNames: { az: "Azerbaijani", en: "English", ru: "Russian", tr: "Turkish", und: "Other" }
  },
  az: {
    yearUnit: "il",
    collection: "Kolleksiya", captured: "arxivləşdirilib", otherCaptures: (n) => "daha " + n + " nüsxə",
    capturedSort: "Əvvəlcə yeni nüsxələr", overTime: "Zamana görə", relativeView: "Arxivə nisbətən", allDates: "Bütün tarixlər",
    timelineHint: "Tarixə görə süzmək üçün sütuna klikləyin və ya sütunlar boyunca sürükləyin. Klaviatura: oxlar hərəkət etdirir, Shift+oxlar aralıq seçir, Enter süzür.",
    timelineTitle: (unit) => "Hər " + unit + " üzrə uyğun sənədlər", ofArchive: (n) => "arxivdəki " + n + " sənədin",
    month: "ay", day: "gün", exportAll: "Bütün nəticələri ixrac et:",
    search: "Axtar", searchLabel: "Arxivdə axtar", placeholder: "Arxivdə axtar: Xocalı, Khojaly, İngiltərə …",
    allLanguages: "Bütün dillər", language: "Dil", site: "Sayt", year: "İl", dates: "Tarixlər",
    from: "Başlanğıc", to: "Son", apply: "Tətbiq et", clear: "təmizlə", sort: "Sıralama", relevance: "Uyğunluq",
    newest: "Əvvəlcə yenilər", oldest: "Əvvəlcə köhnələr", help: "Axtarış qaydaları", documents: (n) => n + " sənəd",
    inArchive: (n) => "Arxivdə " + n + " sənəd var. Axtarmaq üçün sorğu yazın.", noMatch: (q) => "“" + q + "” üzrə sənəd tapılmadı.",
    didYouMean: "Bəlkə bunu nəzərdə tutdunuz", relaxedAny: "Bütün sözlərlə az sənəd tapıldı; istənilən sözü olan sənədlər göstərilir.",
    relaxedFuzzy: "Az sənəd tapıldı; yaxın yazılışlar da göstərilir.", previous: "← Əvvəlki", next: "Növbəti →",
    copies: (n) => n + " oxşar nüsxə", back: "← Nəticələrə qayıt", url: "URL",
    date: "Tarix", source: "Mənbə", id: "İd", rawSource: "Xam mənbə", original: "Orijinal səhifə",
    captures: "Bu URL-in nüsxələri", duplicates: "Bu mətnin nüsxələri", similar: "Oxşar sənədlər",
    loading: "Yüklənir…", searching: "Axtarılır…", notAnswering: "Axtarış xidməti cavab vermir: ",
    uiLanguage: "İnterfeys dili", refine: "Dəqiqləşdir", pages: "Nəticə səhifələri", suggestions: "Təkliflər",
    langNames: { az: "Azərbaycanca", en: "İngiliscə", ru: "Rusca", tr: "Türkcə", und: "Digər" }
  },
  ru: {
    yearUnit: "год",
    collection: "Коллекция", captured: "снимок", otherCaptures: (n) => "ещё снимков: " + n,
    capturedSort: "Сначала новые снимки", overTime: "Во времени", relativeView: "Относительно архива", allDates: "Все даты",
    timelineHint: "Нажмите на столбец или протяните по столбцам, чтобы выбрать даты. С клавиатуры: стрелки, Shift+стрелки — диапазон, Enter — применить.",
    timelineTitle: (unit) => "Найденные документы по периодам (" + unit + ")", ofArchive: (n) => "из " + n + " в архиве",
    month: "месяц", day: "день", exportAll: "Выгрузить все результаты:",
    search: "Найти", searchLabel: "Поиск по архиву", placeholder: "Поиск по архиву: Xocalı, Khojaly, Ходжалы …",
    allLanguages: "Все языки", language: "Язык", site: "Сайт", year: "Год", dates: "Даты",
    from: "С", to: "По", apply: "Применить", clear: "сбросить", sort: "Порядок", relevance: "По релевантности",
    newest: "Сначала новые", oldest: "Сначала старые", help: "Справка по поиску",
    documents: (n) => n + " " + (n % 10 === 1 && n % 100 !== 11 ? "документ" : (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? "документа" : "документов")),
    inArchive: (n) => "В архиве " + n + " документов. Введите запрос.", noMatch: (q) => "По запросу «" + q + "» ничего не найдено.",
    didYouMean: "Возможно, вы имели в виду", relaxedAny: "Мало документов со всеми словами; показаны документы с любым из них.",
    relaxedFuzzy: "Найдено мало; показаны и близкие написания.", previous: "← Назад", next: "Вперёд →",
    copies: (n) => "похожих копий: " + n, back: "← К результатам", url: "URL",
    date: "Дата", source: "Источник", id: "Id", rawSource: "Исходный файл", original: "Оригинал страницы",
    captures: "Снимки этого URL", duplicates: "Копии этого текста", similar: "Похожие документы",
    loading: "Загрузка…", searching: "Поиск…", notAnswering: "Поисковый сервис не отвечает: ",
    uiLanguage: "Язык интерфейса", refine: "Уточнить", pages: "Страницы результатов", suggestions: "Подсказки",
    langNames: { az: "Азербайджанский", en: "Английский", ru: "Русский", tr: "Турецкий", und: "Другой" }
  },
  tr: {
    yearUnit: "yıl",
    collection: "Koleksiyon", captured: "kaydedildi", otherCaptures: (n) => n + " başka kayıt",
    capturedSort: "Önce yeni kayıtlar", overTime: "Zaman içinde", relativeView: "Arşive göre oranla", allDates: "Tüm tarihler",
    timelineHint: "Tarihe göre süzmek için bir sütuna tıklayın ya da sütunlar boyunca sürükleyin. Klavye: oklar gezinir, Shift+oklar aralık seçer, Enter süzer.",
    timelineTitle: (unit) => unit + " başına eşleşen belgeler", ofArchive: (n) => "arşivdeki " + n + " belgenin",
    month: "ay", day: "gün", exportAll: "Tüm sonuçları dışa aktar:",
    search: "Ara", searchLabel: "Arşivde ara", placeholder: "Arşivde ara: Xocalı, Khojaly, İngiltere …",
    allLanguages: "Tüm diller", language: "Dil", site: "Site", year: "Yıl", dates: "Tarihler",
    from: "Başlangıç", to: "Bitiş", apply: "Uygula", clear: "temizle", sort: "Sıralama", relevance: "İlgi",
    newest: "Önce yeniler", oldest: "Önce eskiler", help: "Arama yardımı", documents: (n) => n + " belge",
    inArchive: (n) => "Arşivde " + n + " belge var. Aramak için bir sorgu yazın.", noMatch: (q) => "“" + q + "” ile eşleşen belge yok.",
    didYouMean: "Bunu mu demek istediniz", relaxedAny: "Tüm kelimeleri içeren az belge var; herhangi birini içerenler gösteriliyor.",
    relaxedFuzzy: "Az belge bulundu; yakın yazımlar da gösteriliyor.", previous: "← Önceki", next: "Sonraki →",
    copies: (n) => n + " benzer kopya", back: "← Sonuçlara dön", url: "URL",
    date: "Tarih", source: "Kaynak", id: "Kimlik", rawSource: "Ham kaynak", original: "Özgün sayfa",
    captures: "Bu URL'nin kayıtları", duplicates: "Bu metnin kopyaları", similar: "Benzer belgeler",
    loading: "Yükleniyor…", searching: "Aranıyor…", notAnswering: "Arama hizmeti yanıt vermiyor: ",
    uiLanguage: "Arayüz dili", refine: "Daralt", pages: "Sonuç sayfaları", suggestions: "Öneriler",
    langNames: { az: "Azerbaycanca", en: "İngilizce", ru: "Rusça", tr: "Türkçe", und: "Diğer" }
  }
};

const Lang = {
  current() {
    const fromUrl = new URLSearchParams(location.search).get("ui");
    if (fromUrl && I18N[fromUrl]) { try { localStorage.setItem("sandiq.ui", fromUrl); } catch (e) {} return fromUrl; }
    try { const saved = localStorage.getItem("sandiq.ui"); if (saved && I18N[saved]) return saved; } catch (e) {}
    for (const tag of navigator.languages || [navigator.language || "en"]) {
      const code = String(tag).toLowerCase().split("-")[0];
      if (I18N[code]) return code;
    }
    return "en";
  },
  t(key, ...args) {
    const table = I18N[Lang.current()] || I18N.en;
    const value = key in table ? table[key] : I18N.en[key];
    return typeof value === "function" ? value(...args) : value;
  },
  // Fills every element with data-i18n (text), data-i18n-placeholder and data-i18n-label.
  apply(root) {
    document.documentElement.lang = Lang.current();
    for (const el of (root || document).querySelectorAll("[data-i18n]")) el.textContent = Lang.t(el.dataset.i18n);
    for (const el of (root || document).querySelectorAll("[data-i18n-placeholder]")) el.placeholder = Lang.t(el.dataset.i18nPlaceholder);
    for (const el of (root || document).querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", Lang.t(el.dataset.i18nLabel));
    const switcher = document.getElementById("ui-lang");
    if (switcher) {
      switcher.value = Lang.current();
      switcher.onchange = () => {
        const params = new URLSearchParams(location.search);
        params.set("ui", switcher.value);
        location.search = params.toString();
      };
    }
  }
};
