//! What a page tells browsers, search engines and social networks in `<head>`: its title,
//! language, description, canonical address, sharing card and structured data. One description per
//! page serves both the app, which writes it with a few DOM calls (instead of leptos_meta,
//! whose per-tag components cost about 5 KiB of gzipped wasm), and the build, which writes
//! it into the page's HTML for readers that run no JavaScript (link previews).

use crate::contract::PAGE_HEAD_ATTRIBUTE;
use clinic_content::language::{direction, Translations};
use clinic_content::library::{list_alternates, Crumb};
use clinic_content::structured_data::{breadcrumbs_json_ld, json_ld};
use clinic_content::words::{Word, Words};
use clinic_content::{Article, AtoZList, ListPage, SiteSettings};

/// One element for `<head>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadTag {
    element: &'static str,
    attributes: Vec<(&'static str, String)>,
    text: Option<String>,
}

impl HeadTag {
    /// `<meta name=…>`, as search engines and Twitter read it.
    pub fn named(name: &'static str, content: impl Into<String>) -> Self {
        Self::meta("name", name, content.into())
    }

    /// `<meta property=…>`, as Open Graph readers (Facebook, LinkedIn…) read it.
    pub fn property(property: &'static str, content: impl Into<String>) -> Self {
        Self::meta("property", property, content.into())
    }

    fn meta(key: &'static str, name: &'static str, content: String) -> Self {
        HeadTag {
            element: "meta",
            attributes: vec![(key, name.to_string()), ("content", content)],
            text: None,
        }
    }

    /// `<link rel="alternate" hreflang=…>`: the page in another language.
    pub fn alternate(hreflang: &str, href: String) -> Self {
        HeadTag {
            element: "link",
            attributes: vec![
                ("rel", "alternate".to_string()),
                ("hreflang", hreflang.to_string()),
                ("href", href),
            ],
            text: None,
        }
    }

    pub fn link(rel: &'static str, href: String) -> Self {
        HeadTag {
            element: "link",
            attributes: vec![("rel", rel.to_string()), ("href", href)],
            text: None,
        }
    }

    /// A script that is data, never run: JSON-LD, already safe inside `<script>`.
    pub fn json_ld(json: String) -> Self {
        HeadTag {
            element: "script",
            attributes: vec![("type", "application/ld+json".to_string())],
            text: Some(json),
        }
    }

    /// The tag as HTML, marked as the page's own.
    pub fn to_html(&self) -> String {
        let attributes: String = self
            .attributes
            .iter()
            .map(|(name, value)| format!(" {name}=\"{}\"", escape_html(value)))
            .collect();
        let open = format!("<{} {PAGE_HEAD_ATTRIBUTE}{attributes}>", self.element);
        match &self.text {
            Some(text) => format!("{open}{text}</{}>", self.element),
            None => open,
        }
    }
}

/// Escapes text for HTML, inside an element or a quoted attribute.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A page's title, language and head tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageHead {
    pub title: String,
    /// The page's language (`<html lang>`, a BCP 47 tag), which also sets its `dir`.
    pub lang: String,
    pub tags: Vec<HeadTag>,
}

impl PageHead {
    /// Which way the page's text runs, as `<html dir>` says it.
    pub fn dir(&self) -> &'static str {
        direction(&self.lang).as_html()
    }
}

/// The title, description, canonical address, sharing card and JSON-LD of `article`. A
/// sharing card without a picture is the small one.
pub fn article_head(
    article: &Article,
    site: &SiteSettings,
    words: &Words,
    translations: &Translations,
) -> PageHead {
    let url = site.article_url(&article.slug);
    let picture = article
        .hero
        .as_ref()
        .map(|hero| (site.file_url(hero.share_image()), hero.alt.clone()));
    let card = if picture.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let mut tags = vec![
        HeadTag::named("description", &article.description),
        HeadTag::link("canonical", url.clone()),
        HeadTag::property("og:type", "article"),
        HeadTag::property("og:site_name", &site.clinic_name),
        HeadTag::property("og:title", &article.title),
        HeadTag::property("og:description", &article.description),
        HeadTag::property("og:url", url),
    ];
    if let Some((image, alt)) = &picture {
        tags.push(HeadTag::property("og:image", image.clone()));
        tags.push(HeadTag::property("og:image:alt", alt));
    }
    tags.extend([
        HeadTag::property("article:published_time", &article.published),
        HeadTag::named("twitter:card", card),
        HeadTag::named("twitter:title", &article.title),
        HeadTag::named("twitter:description", &article.description),
    ]);
    if let Some((image, _)) = picture {
        tags.push(HeadTag::named("twitter:image", image));
    }
    tags.extend(
        (translations.alternates().iter())
            .map(|(hreflang, path)| HeadTag::alternate(hreflang, site.file_url(path))),
    );
    tags.push(HeadTag::json_ld(json_ld(
        article,
        site,
        words,
        translations,
    )));
    PageHead {
        title: format!("{} | {}", article.title, site.clinic_name),
        lang: site.language_of(article).to_string(),
        tags,
    }
}

/// What a page of a list is called, in its heading and title: the library's name or the
/// category's, and which page it is when there are several.
pub fn list_name(list: &ListPage, words: &Words) -> String {
    let name = match &list.category {
        Some(category) if category.count == 0 => words.text(Word::NoArticlesInCategory),
        Some(category) => category.name.clone(),
        None => words.text(Word::HealthLibrary),
    };
    if list.pages > 1 {
        words.filled(
            Word::ListPage,
            &[
                ("name", &name),
                ("page", &list.page.to_string()),
                ("pages", &list.pages.to_string()),
            ],
        )
    } else {
        name
    }
}

/// A page of the list of every article, or of the articles of a category.
pub fn library_head(site: &SiteSettings, list: &ListPage, words: &Words) -> PageHead {
    let clinic = site.clinic_name.as_str();
    let description = match &list.category {
        Some(category) => words.filled(
            Word::CategoryDescription,
            &[("category", &category.name), ("clinic", clinic)],
        ),
        None => words.filled(Word::LibraryDescription, &[("clinic", clinic)]),
    };
    listing_head(
        site,
        Listing {
            name: list_name(list, words),
            description,
            page: list.page,
            pages: list.pages,
            path_of: &|page| list.path_of(page),
            trail: list.trail(words),
            lang: list.language.tag(site),
            alternates: list_alternates_of(site, list),
        },
    )
}

/// The first page of the list of every article in each language, when this is one of them:
/// every language's (`list_alternates`).
fn list_alternates_of(site: &SiteSettings, list: &ListPage) -> Vec<HeadTag> {
    if list.category.is_some() || list.page > 1 {
        return Vec::new();
    }
    let languages = (list.languages.iter()).map(|other| (other.lang.as_str(), &other.language));
    (list_alternates(languages).iter())
        .map(|(hreflang, path)| HeadTag::alternate(hreflang, site.file_url(path)))
        .collect()
}

/// What a page of the A to Z is called: its name, the letter it shows, and which page of
/// the letter's names it is when there are several.
pub fn a_to_z_name(list: &AtoZList, words: &Words) -> String {
    let name = words.get(Word::HealthAToZ);
    match list.current() {
        Some(letter) if list.pages > 1 => words.filled(
            Word::AToZLetterPage,
            &[
                ("name", name),
                ("letter", &letter.label),
                ("page", &list.page.to_string()),
                ("pages", &list.pages.to_string()),
            ],
        ),
        Some(letter) => words.filled(
            Word::AToZLetter,
            &[("name", name), ("letter", &letter.label)],
        ),
        None => name.to_string(),
    }
}

/// A page of the A to Z.
pub fn a_to_z_head(site: &SiteSettings, list: &AtoZList, words: &Words) -> PageHead {
    let clinic = site.clinic_name.as_str();
    let description = match list.current() {
        Some(letter) => words.filled(
            Word::AToZLetterDescription,
            &[("clinic", clinic), ("letter", &letter.label)],
        ),
        None => words.filled(Word::AToZDescription, &[("clinic", clinic)]),
    };
    listing_head(
        site,
        Listing {
            name: a_to_z_name(list, words),
            description,
            page: list.page,
            pages: list.pages,
            path_of: &|page| list.path_of(page),
            trail: list.trail(words),
            lang: site.language(),
            alternates: Vec::new(),
        },
    )
}

/// A page of one of the site's lists of articles, as its head describes it.
struct Listing<'a> {
    name: String,
    description: String,
    /// Which page of the list this is, from 1, of how many.
    page: usize,
    pages: usize,
    /// The address of each page of the list, relative to the site's base.
    path_of: &'a dyn Fn(usize) -> String,
    trail: Vec<Crumb>,
    /// The list's language, a BCP 47 tag.
    lang: &'a str,
    /// `<link rel=alternate hreflang>` to the same list in other languages.
    alternates: Vec<HeadTag>,
}

/// The head of a page of a list: its own canonical address, links to the pages before and
/// after it, a small sharing card and its breadcrumbs.
fn listing_head(site: &SiteSettings, listing: Listing) -> PageHead {
    let Listing {
        name,
        description,
        page,
        pages,
        path_of,
        trail,
        lang,
        alternates,
    } = listing;
    let url = site.file_url(&path_of(page));
    let mut tags = vec![
        HeadTag::named("description", &description),
        HeadTag::link("canonical", url.clone()),
    ];
    if page > 1 {
        tags.push(HeadTag::link("prev", site.file_url(&path_of(page - 1))));
    }
    if page < pages {
        tags.push(HeadTag::link("next", site.file_url(&path_of(page + 1))));
    }
    tags.extend([
        HeadTag::property("og:type", "website"),
        HeadTag::property("og:site_name", &site.clinic_name),
        HeadTag::property("og:title", &name),
        HeadTag::property("og:description", &description),
        HeadTag::property("og:url", url),
        HeadTag::named("twitter:card", "summary"),
        HeadTag::json_ld(breadcrumbs_json_ld(&trail, site)),
    ]);
    tags.extend(alternates);
    PageHead {
        title: format!("{name} | {}", site.clinic_name),
        lang: lang.to_string(),
        tags,
    }
}

/// The not-found page: its own title, and kept out of search results.
pub fn not_found_head(site: &SiteSettings, words: &Words) -> PageHead {
    PageHead {
        title: format!("{} | {}", words.get(Word::PageNotFound), site.clinic_name),
        lang: site.language().to_string(),
        tags: vec![HeadTag::named("robots", "noindex")],
    }
}

/// Sets the document title and language and adds the head tags for as long as the calling
/// page is shown, in place of any the page's HTML carries. Text is set as text, never parsed
/// as markup. (A page rendered at build time has its head written by the build.)
pub fn set_document_head(head: PageHead) {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos::prelude::{document, on_cleanup};
        let document = document();
        document.set_title(&head.title);
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", &head.lang);
            let _ = root.set_attribute("dir", head.dir());
        }
        let Some(container) = document.head() else {
            return;
        };
        while let Ok(Some(carried)) = container.query_selector(&format!("[{PAGE_HEAD_ATTRIBUTE}]"))
        {
            carried.remove();
        }
        let added: Vec<web_sys::Element> = head
            .tags
            .into_iter()
            .filter_map(|tag| {
                let element = document.create_element(tag.element).ok()?;
                element.set_attribute(PAGE_HEAD_ATTRIBUTE, "").ok()?;
                for (name, value) in &tag.attributes {
                    element.set_attribute(name, value).ok()?;
                }
                element.set_text_content(tag.text.as_deref());
                container.append_child(&element).ok()?;
                Some(element)
            })
            .collect();
        // Only these elements: a page replacing this one may already have added its own.
        let added = send_wrapper::SendWrapper::new(added);
        on_cleanup(move || added.iter().for_each(web_sys::Element::remove));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = head;
}
