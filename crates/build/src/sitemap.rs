//! `robots.txt` and `sitemap.xml`, written into every build from the site settings and the
//! library (`crate::prerender`), so they always list what the build publishes. Past the
//! 50,000 addresses a sitemap may list, `sitemap.xml` is an index of sitemaps of 50,000 each.
//! An article with translations lists every version of it (`xhtml:link` alternates, with
//! the original as `x-default`), as its page's head does.

use std::collections::HashMap;
use std::sync::Arc;

use clinic_content::language::Translations;
use clinic_content::library::{list_alternates, Library};
use clinic_content::load::EDITORS_DIR;
use clinic_content::model::{article_path, SiteSettings};
use percent_encoding::{utf8_percent_encode, CONTROLS};

/// Everything may be crawled but the editors' page.
pub fn robots_txt(site: &SiteSettings) -> String {
    let editors_page = site.file_url(EDITORS_DIR);
    // The path: what follows the host in the address.
    let editors_path = editors_page
        .splitn(4, '/')
        .nth(3)
        .map_or(format!("/{EDITORS_DIR}"), |path| format!("/{path}"));
    format!(
        "User-agent: *\nAllow: /\nDisallow: {editors_path}\n\nSitemap: {}\n",
        site.file_url(SITEMAP_FILE)
    )
}

/// The most addresses one sitemap may list (sitemaps.org).
const SITEMAP_LIMIT: usize = 50_000;
/// What robots.txt names: the sitemap, or the index of sitemaps.
pub const SITEMAP_FILE: &str = "sitemap.xml";

/// The sitemap files of every article, the list of them, each category's page and the
/// `other_pages` made from every article (the A to Z), each dated by the newest article it
/// shows: `sitemap.xml`, or, past `SITEMAP_LIMIT` addresses, an index of `sitemap-1.xml`,
/// `sitemap-2.xml`…
pub fn sitemap_files(
    site: &SiteSettings,
    library: &Library,
    other_pages: &[String],
    translations: &HashMap<String, Arc<Translations>>,
) -> Vec<(String, String)> {
    sitemaps_of(site, library, other_pages, translations, SITEMAP_LIMIT)
}

/// One address of a sitemap: its path, the day it last changed, and its versions in each
/// language (this one too), each as a language tag (or `x-default`) and a path.
type SitemapPage<'a> = (String, &'a str, Vec<(String, String)>);

fn sitemaps_of(
    site: &SiteSettings,
    library: &Library,
    other_pages: &[String],
    translations: &HashMap<String, Arc<Translations>>,
    limit: usize,
) -> Vec<(String, String)> {
    // Each translated article's versions, by the slug of every version.
    let versions_of: HashMap<&str, &Translations> = translations
        .values()
        .flat_map(|group| {
            group
                .versions
                .iter()
                .map(move |version| (version.slug.as_str(), &**group))
        })
        .collect();
    let mut lists_dated: Vec<SitemapPage> = Vec::new();
    let by_language = library.by_language(site);
    // The list of every article in each language names the others, as its page's head does.
    let list_versions =
        list_alternates((by_language.iter()).map(|(language, _)| (language.tag(site), language)));
    // Each language's lists, dated by their newest article.
    for (language, articles) in &by_language {
        let lists = std::iter::once(None).chain(
            articles
                .categories()
                .into_iter()
                .map(|category| Some(category.slug)),
        );
        for category in lists {
            let newest = match category.as_deref() {
                Some(slug) => articles.in_category(slug).next(),
                None => articles.articles.first(),
            };
            if let Some(newest) = newest {
                let path = language.list_path(category.as_deref(), 1);
                let versions = match category {
                    None => list_versions.clone(),
                    Some(_) => Vec::new(),
                };
                lists_dated.push((path, newest.published.as_str(), versions));
            }
        }
    }
    let mut pages: Vec<SitemapPage> = library
        .articles
        .iter()
        .map(|entry| {
            let versions = versions_of
                .get(entry.slug.as_str())
                .map(|group| group.alternates())
                .unwrap_or_default();
            (
                article_path(&entry.slug),
                entry.published.as_str(),
                versions,
            )
        })
        .collect();
    if let Some(newest) = library.articles.first() {
        pages.extend(
            other_pages
                .iter()
                .map(|path| (path.clone(), newest.published.as_str(), Vec::new())),
        );
    }
    pages.extend(lists_dated);
    if pages.len() <= limit {
        return vec![(SITEMAP_FILE.to_string(), sitemap(site, &pages))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (number, part) in pages.chunks(limit).enumerate() {
        let file = format!("sitemap-{}.xml", number + 1);
        let newest = part
            .iter()
            .map(|(_, published, _)| *published)
            .max()
            .unwrap_or_default();
        index.push_str(&format!(
            "  <sitemap>\n    <loc>{}</loc>\n    <lastmod>{}</lastmod>\n  </sitemap>\n",
            escape(&site.file_url(&file)),
            escape(newest)
        ));
        files.push((file, sitemap(site, part)));
    }
    index.push_str("</sitemapindex>\n");
    files.push((SITEMAP_FILE.to_string(), index));
    files
}

/// One sitemap of `pages`, each a path, the day it last changed and its other versions.
fn sitemap(site: &SiteSettings, pages: &[SitemapPage]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    // The protocol wants addresses escaped: a category named in Arabic is
    // `categories/%D8%A7…/`.
    let url = |path: &str| escape(&site.file_url(&utf8_percent_encode(path, CONTROLS).to_string()));
    for (path, published, versions) in pages {
        let alternates: String = versions
            .iter()
            .map(|(hreflang, path)| {
                format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    escape(hreflang),
                    url(path)
                )
            })
            .collect();
        xml.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n    <lastmod>{}</lastmod>\n{alternates}  </url>\n",
            url(path),
            escape(published)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clinic_content::fixtures::{article, site};

    #[test]
    fn a_translated_article_lists_every_version_and_the_original_as_the_default() {
        use clinic_content::language::Version;
        let articles: Vec<_> = ["walking", "caminar", "alone"]
            .iter()
            .map(|slug| {
                let mut one = article(vec![], &[]);
                one.slug = slug.to_string();
                one
            })
            .collect();
        let library = Library::of(articles.iter(), &site());
        let version = |slug: &str, lang: &str, original| Version {
            slug: slug.into(),
            lang: lang.into(),
            language_name: lang.into(),
            original,
        };
        let group = Translations {
            versions: vec![
                version("walking", "en", true),
                version("caminar", "es", false),
            ],
        };
        let translations = HashMap::from([("walking".to_string(), Arc::new(group))]);
        let site = site();
        let files = sitemaps_of(&site, &library, &[], &translations, 100);
        let xml = &files[0].1;
        let alternates = "    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://www.example.com/articles/walking/\"/>\n    \
             <xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://www.example.com/articles/caminar/\"/>\n    \
             <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://www.example.com/articles/walking/\"/>\n";
        for slug in ["walking", "caminar"] {
            let entry = format!(
                "<loc>https://www.example.com/articles/{slug}/</loc>\n    <lastmod>2026-01-10</lastmod>\n{alternates}  </url>"
            );
            assert!(xml.contains(&entry), "{slug}: {xml}");
        }
        assert!(xml.contains(
            "<loc>https://www.example.com/articles/alone/</loc>\n    <lastmod>2026-01-10</lastmod>\n  </url>"
        ));
        assert!(xml.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    }

    #[test]
    fn an_address_beyond_ascii_is_percent_encoded() {
        let mut arabic = article(vec![], &[]);
        arabic.lang = Some("ar".into());
        arabic.category = "آلام الظهر".into();
        let site = site();
        let library = Library::of([&arabic], &site);
        let xml = &sitemaps_of(&site, &library, &[], &HashMap::new(), 100)[0].1;
        let encoded = "ar/categories/%D8%A7%D9%84%D8%A7%D9%85-%D8%A7%D9%84%D8%B8%D9%87%D8%B1/";
        assert!(
            xml.contains(&format!("<loc>{}</loc>", site.file_url(encoded))),
            "{xml}"
        );
        assert!(!xml.contains("الظهر"), "{xml}");
    }

    #[test]
    fn each_language_s_lists_are_listed_dated_by_their_newest_article() {
        let articles: Vec<_> = [("a", None, "2026-01-01"), ("b", Some("es"), "2026-02-01")]
            .iter()
            .map(|(slug, lang, published)| {
                let mut one = article(vec![], &[]);
                one.slug = slug.to_string();
                one.lang = lang.map(str::to_string);
                one.published = published.to_string();
                one
            })
            .collect();
        let site = site();
        let library = Library::of(articles.iter(), &site);
        let xml = &sitemaps_of(&site, &library, &[], &HashMap::new(), 100)[0].1;
        let category = clinic_content::library::category_slug(&articles[0].category);
        for (path, day) in [
            ("articles/".to_string(), "2026-01-01"),
            (format!("categories/{category}/"), "2026-01-01"),
            ("es/articles/".to_string(), "2026-02-01"),
            (format!("es/categories/{category}/"), "2026-02-01"),
        ] {
            let entry = format!(
                "<loc>{}</loc>\n    <lastmod>{day}</lastmod>",
                site.file_url(&path)
            );
            assert!(xml.contains(&entry), "{entry} in {xml}");
        }
        // Each language's list of every article names the others, the site language's as
        // the default; a category's names none.
        let block = |path: &str| {
            let loc = format!("<loc>{}</loc>", site.file_url(path));
            xml.split("<url>")
                .find(|block| block.contains(&loc))
                .unwrap_or_default()
                .to_string()
        };
        let alternate = |lang: &str, path: &str| {
            format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>",
                site.file_url(path)
            )
        };
        for list in ["articles/", "es/articles/"] {
            let alternates: Vec<String> = block(list)
                .lines()
                .filter(|line| line.contains("xhtml:link"))
                .map(|line| line.trim().to_string())
                .collect();
            assert_eq!(
                alternates,
                [
                    alternate("en", "articles/"),
                    alternate("es", "es/articles/"),
                    alternate("x-default", "articles/")
                ],
                "{list}"
            );
        }
        assert!(!block(&format!("es/categories/{category}/")).contains("xhtml:link"));
    }

    #[test]
    fn past_the_limit_the_sitemap_is_an_index_of_sitemaps_that_list_every_address() {
        let articles: Vec<_> = (1..=5)
            .map(|n| {
                let mut one = article(vec![], &[]);
                one.slug = format!("a-{n}");
                one.published = format!("2026-01-0{n}");
                one
            })
            .collect();
        let library = Library::of(articles.iter(), &site());
        let site = site();
        // Five articles, the list and one category: seven addresses.
        assert_eq!(
            sitemaps_of(&site, &library, &[], &HashMap::new(), 7).len(),
            1
        );
        let files = sitemaps_of(&site, &library, &[], &HashMap::new(), 3);
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                SITEMAP_FILE
            ]
        );
        let listed: usize = files[..3]
            .iter()
            .map(|(_, xml)| xml.matches("<url>").count())
            .sum();
        assert_eq!(listed, 7);
        let index = &files[3].1;
        assert!(index.contains("<sitemapindex"));
        assert!(index.contains(&format!("<loc>{}</loc>", site.file_url("sitemap-3.xml"))));
    }
}
