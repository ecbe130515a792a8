"""reportlab documents: the bulletin (bản tin) and the Decree 30/2020 report (báo cáo). No Qt."""
