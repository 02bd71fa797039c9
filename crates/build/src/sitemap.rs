//! `robots.txt` and `sitemap.xml`, written into every build from the site settings and the
//! library (`crate::prerender`), so they always list what the build publishes. Past the
//! 50,000 addresses a sitemap may list, `sitemap.xml` is an index of sitemaps of 50,000 each.

use clinic_content::library::{category_path, library_path, Library};
use clinic_content::load::EDITORS_DIR;
use clinic_content::model::{article_path, SiteSettings};

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
) -> Vec<(String, String)> {
    sitemaps_of(site, library, other_pages, SITEMAP_LIMIT)
}

fn sitemaps_of(
    site: &SiteSettings,
    library: &Library,
    other_pages: &[String],
    limit: usize,
) -> Vec<(String, String)> {
    let mut pages: Vec<(String, &str)> = library
        .articles
        .iter()
        .map(|entry| (article_path(&entry.slug), entry.published.as_str()))
        .collect();
    if let Some(newest) = library.articles.first() {
        pages.push((library_path(), &newest.published));
        pages.extend(
            other_pages
                .iter()
                .map(|path| (path.clone(), newest.published.as_str())),
        );
    }
    for category in library.categories() {
        if let Some(newest) = library.in_category(&category.slug).next() {
            pages.push((category_path(&category.slug), &newest.published));
        }
    }
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
            .map(|(_, published)| *published)
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

/// One sitemap of `pages`, each a path and the day it last changed.
fn sitemap(site: &SiteSettings, pages: &[(String, &str)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, published) in pages {
        xml.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n    <lastmod>{}</lastmod>\n  </url>\n",
            escape(&site.file_url(path)),
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
    fn past_the_limit_the_sitemap_is_an_index_of_sitemaps_that_list_every_address() {
        let articles: Vec<_> = (1..=5)
            .map(|n| {
                let mut one = article(vec![], &[]);
                one.slug = format!("a-{n}");
                one.published = format!("2026-01-0{n}");
                one
            })
            .collect();
        let library = Library::of(articles.iter());
        let site = site();
        // Five articles, the list and one category: seven addresses.
        assert_eq!(sitemaps_of(&site, &library, &[], 7).len(), 1);
        let files = sitemaps_of(&site, &library, &[], 3);
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
