//! `robots.txt` and `sitemap.xml`, written into every build from the site settings and the
//! library (`crate::prerender`), so they always list what the build publishes.

use clinic_content::library::{category_path, library_path, Library};
use clinic_content::model::{article_path, SiteSettings};

pub fn robots_txt(site: &SiteSettings) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.file_url("sitemap.xml")
    )
}

/// A sitemap of every article, the list of them and each category's page, each dated by the
/// newest article it shows.
pub fn sitemap_xml(site: &SiteSettings, library: &Library) -> String {
    let mut pages: Vec<(String, &str)> = library
        .articles
        .iter()
        .map(|entry| (article_path(&entry.slug), entry.published.as_str()))
        .collect();
    if let Some(newest) = library.articles.first() {
        pages.push((library_path(), &newest.published));
    }
    for category in library.categories() {
        if let Some(newest) = library.in_category(&category.slug).next() {
            pages.push((category_path(&category.slug), &newest.published));
        }
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, published) in pages {
        xml.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n    <lastmod>{}</lastmod>\n  </url>\n",
            escape(&site.file_url(&path)),
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
