/**
 * The hoedanigheidscodes (quality codes) of sector 17 (OCMW/CPAS) that ManageAccess accepts, as public reference
 * data; their labels are in the message catalogues (`quality.<code>`). The same list is what the mock's ManageAccess
 * flow checks (`mock-server/flows/manage-access`): the browser cannot import it, and the JSON face's schema does
 * not enumerate it.
 */
export const SECTOR17_CODES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '11', '12', '20', '21', '40'] as const;
export type QualityCode = (typeof SECTOR17_CODES)[number];
