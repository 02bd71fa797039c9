//! One component per file, each named for what the reader sees.

mod announcement_banner;
mod article_body;
mod article_header;
mod content_block;
mod faq_accordion;
mod load_error;
mod offline_notice;
mod page_loader;
mod read_aloud;
mod reading_settings_button;
mod reading_settings_panel;
mod related_posts;
mod rich_text;
mod section_link;
mod site_footer;
mod site_header;
mod site_layout;
mod table_of_contents;

pub use announcement_banner::AnnouncementBanner;
pub use article_body::ArticleBody;
pub use article_header::ArticleHeader;
pub use content_block::ContentBlock;
pub use faq_accordion::FaqAccordion;
pub use load_error::LoadError;
pub use offline_notice::OfflineNotice;
pub use page_loader::PageLoader;
pub use read_aloud::{ArticleToRead, ReadAloud};
pub use reading_settings_button::ReadingSettingsButton;
pub use reading_settings_panel::ReadingSettingsPanel;
pub use related_posts::RelatedPosts;
pub use rich_text::RichText;
pub use section_link::SectionLink;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use site_layout::{AfterAnnouncement, SiteLayout};
pub use table_of_contents::TableOfContents;
