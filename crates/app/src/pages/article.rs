use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{
    AboutArticle, ArticleBody, ArticleHeader, ArticleToRead, Breadcrumbs, FaqAccordion,
    LanguageLink, LanguageList, RelatedPosts, SectionLink, SiteLayout, TableOfContents,
};
use crate::first_paint::{AfterFirstPaint, FirstScreen, RenderMode};
use crate::navigation::{go_to, on_hash_target, CurrentSection, Jump};
use crate::pages::head::{article_head, set_document_head};
use crate::prefs::use_reading_settings;
use crate::words::{use_page_language, use_words};
use clinic_content::ids::TITLE_ID;
use clinic_content::language::Translations;
use clinic_content::library::trail_to_article;
use clinic_content::words::Word;
use clinic_content::{article_path, Article, Library, Outline, SiteSettings};

/// One article, with its table of contents, FAQ and related posts. The site header, the
/// article's header with its hero, the contents' frame and the introduction paint first (on
/// a pre-rendered page, take turns too); the rest follows in short tasks (see `first_paint`).
#[component]
pub fn ArticlePage(
    site: Arc<SiteSettings>,
    article: Arc<Article>,
    /// The cards of the related posts that are articles of this site.
    related: Arc<Library>,
    /// The article's versions in other languages.
    translations: Arc<Translations>,
) -> impl IntoView {
    let outline = Outline::of(&article);
    let reduced_motion = use_reading_settings().reduce_motion();
    let current_section = RwSignal::new(None);
    provide_context(CurrentSection(current_section));
    provide_context(ArticleToRead {
        article: article.clone(),
        outline: outline.clone(),
        lang: site.language_of(&article).to_string(),
    });
    follow_deep_links(reduced_motion);
    // Each part below is built on its own turn, from its own copy.
    let minutes = article.reading_minutes();
    let trail = trail_to_article(&article, &use_page_language().lists, &use_words());
    let (header_article, body_article, about_article) =
        (article.clone(), article.clone(), article.clone());
    let (toc_outline, body_outline) = (outline.clone(), outline.clone());
    let faq = article.faq.clone().zip(outline.faq.clone());
    let has_contents = !outline.sections.is_empty() || outline.faq.is_some();
    let (posts, head_article, head_site) = (article.related.clone(), article.clone(), site.clone());
    let (header_site, about_site) = (site.clone(), site.clone());
    let language_links: Vec<LanguageLink> = translations
        .versions
        .iter()
        .map(|version| LanguageLink {
            lang: version.lang.clone(),
            name: version.language_name.clone(),
            path: article_path(&version.slug),
            current: version.slug == article.slug,
        })
        .collect();
    let head_translations = translations;
    view! {
        <SiteLayout site=site.clone()>
            <FirstScreen>
                <Breadcrumbs trail=trail.clone() />
                <LanguageList links=language_links.clone() />
            </FirstScreen>
            // Not named by its title: the h1 says it, and a name would say it a second time.
            <article class="article">
                <FirstScreen>
                    <ArticleHeader
                        article=header_article.clone()
                        site=header_site.clone()
                        reading_minutes=minutes
                    />
                </FirstScreen>
                // An article of one part has no contents to list.
                {has_contents
                    .then(|| {
                        view! {
                            <FirstScreen>
                                <TableOfContents
                                    outline=toc_outline.clone()
                                    current=current_section
                                />
                            </FirstScreen>
                        }
                    })}
                <FirstScreen>
                    <ArticleBody article=body_article.clone() outline=body_outline.clone() />
                </FirstScreen>
                {faq
                    .map(|faq| {
                        view! {
                            <AfterFirstPaint>
                                <FaqAccordion faq=faq.0.clone() entry=faq.1.clone() />
                            </AfterFirstPaint>
                        }
                    })}
            </article>
            <AfterFirstPaint>
                <AboutArticle article=about_article.clone() site=about_site.clone() />
                <p class="back-to-top">
                    <SectionLink id=TITLE_ID.to_string()>
                        {use_words().text(Word::BackToTop)}
                    </SectionLink>
                </p>
                <RelatedPosts posts=posts.clone() local=related.clone() site=head_site.clone() />
                <ArticleHead
                    article=head_article.clone()
                    site=head_site.clone()
                    translations=head_translations.clone()
                />
            </AfterFirstPaint>
        </SiteLayout>
    }
}

/// The page's title and head tags. The tab and search engines read them, not the first
/// screen, so they wait for the first paint (setting the title alone took 7% of the first
/// render).
#[component]
fn ArticleHead(
    article: Arc<Article>,
    site: Arc<SiteSettings>,
    translations: Arc<Translations>,
) -> impl IntoView {
    set_document_head(article_head(&article, &site, &use_words(), &translations));
}

/// Opening `…#section` scrolls to that section once the article has rendered (instantly), and
/// so does going back or forward between sections. Unknown ids are ignored. On a page adopted
/// from its HTML the browser has scrolled there already, and the reader may have moved on.
fn follow_deep_links(reduced_motion: Signal<bool>) {
    let adopted = RenderMode::current() == RenderMode::Adopt;
    on_hash_target(move |id, on_load| {
        if on_load && adopted {
            return;
        }
        go_to(
            id,
            Jump {
                smooth: !on_load && !reduced_motion.get_untracked(),
                record: false,
            },
        );
    });
}
