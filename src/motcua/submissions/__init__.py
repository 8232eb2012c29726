"""Online submission from the portal: drafts with their files, resumed from an e-mailed link,
turned into a dossier by dossiers.services.submit."""
