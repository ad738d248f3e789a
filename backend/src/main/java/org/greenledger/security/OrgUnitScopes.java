package org.greenledger.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;

/**
 * Resolves whose data a signed-in user may see and change, and which org unit new data of
 * theirs belongs to.
 * <p>
 * A user's units are the union of their assignments in this installation (table
 * {@code user_org_unit}, managed on the settings page, local mode) and the authorities
 * named {@code ORG_UNIT_<code>} their sign-in carries (how an identity provider's
 * {@code org_units} token claim feeds the scope). Assignments are read on every call, so
 * a change applies to the next request, also in open sessions.
 */
@Service
public class OrgUnitScopes {

	private final JdbcClient jdbc;

	private final OrgUnits units;

	OrgUnitScopes(JdbcClient jdbc, OrgUnits units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	/** The scope of a signed-in user. */
	public OrgUnitScope of(Authentication authentication) {
		Set<String> codes = new TreeSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith(OrgUnitScope.AUTHORITY_PREFIX)
					&& name.length() > OrgUnitScope.AUTHORITY_PREFIX.length()) {
				codes.add(name.substring(OrgUnitScope.AUTHORITY_PREFIX.length()));
			}
		}
		codes.addAll(assigned(authentication.getName()));
		return OrgUnitScope.of(codes);
	}

	/** The units a local user is assigned to. */
	List<String> assigned(String username) {
		return this.jdbc.sql("""
				select a.org_unit from user_org_unit a join app_user u on u.id = a.user_id
				where u.username = ? order by 1""").param(UserAccounts.normalize(username)).query(String.class).list();
	}

	/** The units new data of a user may name: the active units within their scope. */
	public List<OrgUnit> unitsForNewData(OrgUnitScope scope) {
		return this.units.active().stream().filter(unit -> scope.includes(unit.code())).toList();
	}

	/**
	 * The org unit new data of a user belongs to: the one requested, which must be a
	 * registered, active unit within the user's scope; when none is requested, the user's
	 * only unit, or none for an unrestricted user.
	 * @return the unit's code, or null for data of no unit
	 * @throws ApiProblemException (422, field {@code orgUnit}) when the unit is not
	 * registered, deactivated or outside the scope, or when a user of several units names
	 * none
	 */
	public @Nullable String unitForNewData(OrgUnitScope scope, @Nullable String requested) {
		String code = (requested != null) ? requested.strip() : "";
		if (code.isEmpty()) {
			if (scope.unrestricted()) {
				return null;
			}
			if (scope.units().size() > 1) {
				throw refused("choose one of your org units: " + String.join(", ", scope.codes()));
			}
			code = scope.codes()[0];
		}
		if (!scope.includes(code)) {
			// the same answer whether or not the unit exists: a scoped user learns
			// nothing
			// about other units
			throw refused("'" + code + "' is not one of your org units (" + String.join(", ", scope.codes()) + ")");
		}
		Optional<OrgUnit> unit = this.units.byCode(code);
		if (unit.isEmpty()) {
			throw refused("'" + code + "' is not a registered org unit; an administrator registers org units under"
					+ " Settings");
		}
		if (!unit.get().active()) {
			throw refused("org unit '" + code + "' is deactivated and takes no new data");
		}
		return unit.get().code();
	}

	private static ApiProblemException refused(String message) {
		return ApiProblemException.invalidFields(List.of(new FieldProblem("orgUnit", message)));
	}

}
