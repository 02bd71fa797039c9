//! `robots.txt` and `sitemap.xml`, written into every build from the site settings and the
//! library (`crate::prerender`), so they always list what the build publishes.

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
